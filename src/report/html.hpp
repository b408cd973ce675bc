#pragma once
// A small HTML writer for the report: nested elements with attributes and text, everything escaped
// by xml_escape (io/xml.hpp; its output is valid HTML too), so that no name from a data set is
// ever read as markup. Markup made by the library's own writers (SvgWriter) is added as it is.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alueverkko::report {

using HtmlAttributes = std::vector<std::pair<std::string, std::string>>;

class HtmlWriter {
 public:
  HtmlWriter();  // starts with <!DOCTYPE html>

  // <tag attrs> … until close().
  void open(std::string_view tag, const HtmlAttributes& attributes = {});
  void close();
  // A void element (<meta>, <br>): no content, no end tag.
  void element(std::string_view tag, const HtmlAttributes& attributes);
  // <tag attrs>text</tag>, the text escaped.
  void text(std::string_view tag, const HtmlAttributes& attributes, std::string_view content);
  // Escaped text inside the element open now.
  void content(std::string_view text);
  // Trusted markup: CSS of the report itself, SVG of SvgWriter (through inline_svg).
  void markup(std::string_view trusted);

  // Closes every open element; the document. The writer is empty afterwards.
  [[nodiscard]] std::string finish();

 private:
  void write_start(std::string_view tag, const HtmlAttributes& attributes);
  std::string out_;
  std::vector<std::string> open_;
};

// An SVG document of SvgWriter made fit to sit inline in an HTML page: the XML declaration and the
// SVG namespace (implied in HTML) dropped, every id and reference to one (url(#…), href="#…")
// prefixed with `id_prefix` so that several figures can share the page, and `title` as the
// figure's accessible name (<title> first, role="img").
std::string inline_svg(std::string_view svg, std::string_view id_prefix, std::string_view title);

}  // namespace alueverkko::report
