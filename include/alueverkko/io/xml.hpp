#pragma once
// Escaping for XML 1.0 text and attribute values, shared by every XML writer (GraphML, GEXF, SVG),
// so that names such as `<script>` or `AT&T "Oy"` stay text and the document stays well-formed.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alueverkko {

// `text` (UTF-8) made safe for element content and for attribute values in either quotes:
//   & < > " '                   → &amp; &lt; &gt; &quot; &apos;
//   tab, line feed, return      → &#9; &#10; &#13; (kept: a literal one in an attribute value
//                                 would be read back as a space by attribute-value normalisation)
//   other C0 controls U+0000–U+001F, U+FFFE, U+FFFF (which XML 1.0 forbids even as references),
//   and bytes that are not valid UTF-8 → U+FFFD, the replacement character.
// Everything else, DEL and C1 controls included (XML 1.0 allows them), is copied unchanged.
std::string xml_escape(std::string_view text);

using MarkupAttributes = std::vector<std::pair<std::string, std::string>>;

// Nested elements written as text, every attribute value and text through xml_escape, so that no
// caller concatenates markup by hand: what the SVG and HTML writers share.
class MarkupWriter {
 public:
  // <tag attrs> … until close().
  void open(std::string_view tag, const MarkupAttributes& attributes = {});
  void close();
  // An element without content: <tag attrs/> in XML, <tag attrs> for an HTML void element.
  void element(std::string_view tag, const MarkupAttributes& attributes);
  // <tag attrs>text</tag>, the text escaped.
  void text(std::string_view tag, const MarkupAttributes& attributes, std::string_view content);
  // Closes every open element; the document. The writer is empty afterwards.
  [[nodiscard]] std::string finish();

 protected:
  // `prologue` starts the document; `empty_end` ends an element without content ("/>" or ">").
  MarkupWriter(std::string prologue, std::string_view empty_end) : out_(std::move(prologue)), empty_end_(empty_end) {}
  void write_start(std::string_view tag, const MarkupAttributes& attributes);  // "<tag a=\"v\"", no '>'
  std::string out_;
  std::vector<std::string> open_;

 private:
  std::string_view empty_end_;
};

}  // namespace alueverkko
