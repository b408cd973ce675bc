#pragma once
// A small HTML writer for the report: nested elements with attributes and text, everything escaped
// by xml_escape (io/xml.hpp; its output is valid HTML too), so that no name from a data set is
// ever read as markup. Markup made by the library's own writers (SvgWriter) is added as it is.
#include <alueverkko/io/xml.hpp>

#include <string>
#include <string_view>

namespace alueverkko::report {

using HtmlAttributes = MarkupAttributes;

// open/close/element (a void element: <meta>, <br>)/text/finish as MarkupWriter, plus text and
// trusted markup inside the element open now.
class HtmlWriter : public MarkupWriter {
 public:
  HtmlWriter();  // starts with <!DOCTYPE html>

  // Escaped text inside the element open now.
  void content(std::string_view text);
  // Trusted markup: CSS of the report itself, SVG of SvgWriter (through inline_svg).
  void markup(std::string_view trusted);
};

// An SVG document of SvgWriter made fit to sit inline in an HTML page: the XML declaration and the
// SVG namespace (implied in HTML) dropped, every id and reference to one (url(#…), href="#…")
// prefixed with `id_prefix` so that several figures can share the page, and `title` as the
// figure's accessible name (<title> first, role="img").
std::string inline_svg(std::string_view svg, std::string_view id_prefix, std::string_view title);

}  // namespace alueverkko::report
