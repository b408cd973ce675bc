#include "../core/text.hpp"

#include <alueverkko/io/xml.hpp>

#include <stdexcept>

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

void MarkupWriter::write_start(std::string_view tag, const MarkupAttributes& attributes) {
  out_ += '<';
  out_ += tag;
  for (const auto& [name, value] : attributes) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += xml_escape(value);
    out_ += '"';
  }
}

void MarkupWriter::open(std::string_view tag, const MarkupAttributes& attributes) {
  write_start(tag, attributes);
  out_ += ">\n";
  open_.emplace_back(tag);
}

void MarkupWriter::close() {
  if (open_.empty()) throw std::logic_error("MarkupWriter::close: nothing open");
  out_ += "</" + open_.back() + ">\n";
  open_.pop_back();
}

void MarkupWriter::element(std::string_view tag, const MarkupAttributes& attributes) {
  write_start(tag, attributes);
  out_ += empty_end_;
  out_ += '\n';
}

void MarkupWriter::text(std::string_view tag, const MarkupAttributes& attributes, std::string_view content) {
  write_start(tag, attributes);
  out_ += '>';
  out_ += xml_escape(content);
  out_ += "</";
  out_ += tag;
  out_ += ">\n";
}

std::string MarkupWriter::finish() {
  while (!open_.empty()) close();
  return std::move(out_);
}

}  // namespace alueverkko
