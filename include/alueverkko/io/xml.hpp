#pragma once
// Escaping for XML 1.0 text and attribute values, shared by every XML writer (GraphML, GEXF, SVG),
// so that names such as `<script>` or `AT&T "Oy"` stay text and the document stays well-formed.
#include <string>
#include <string_view>

namespace alueverkko {

// `text` (UTF-8) made safe for element content and for attribute values in either quotes:
//   & < > " '                   → &amp; &lt; &gt; &quot; &apos;
//   tab, line feed, return      → &#9; &#10; &#13; (kept: a literal one in an attribute value
//                                 would be read back as a space by attribute-value normalisation)
//   other C0 controls U+0000–U+001F, U+FFFE, U+FFFF (which XML 1.0 forbids even as references),
//   and bytes that are not valid UTF-8 → U+FFFD, the replacement character.
// Everything else, DEL and C1 controls included (XML 1.0 allows them), is copied unchanged.
std::string xml_escape(std::string_view text);

}  // namespace alueverkko
