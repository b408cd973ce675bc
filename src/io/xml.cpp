#include "../core/text.hpp"

#include <alueverkko/io/xml.hpp>

namespace alueverkko {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = detail::decode_utf8(text, pos);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (c == detail::invalid_code_point || c < 0x20 || c == 0xFFFE || c == 0xFFFF) detail::append_utf8(out, 0xFFFD);
        else out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

}  // namespace alueverkko
