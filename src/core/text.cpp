#include "text.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

namespace alueverkko::detail {

char32_t decode_utf8(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, minimum = 0x10000;
  } else {
    ++pos;
    return invalid_code_point;
  }
  if (pos + length > text.size()) {
    ++pos;
    return invalid_code_point;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return invalid_code_point;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return invalid_code_point;
  }
  pos += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < text.size(); ++n) decode_utf8(text, pos);
  return n;
}

std::pair<std::size_t, std::size_t> line_column_at(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') ++line, line_start = i + 1;
  }
  return {line, count_code_points(text.substr(line_start, offset - line_start)) + 1};
}

std::vector<std::size_t> invalid_utf8_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  bool reported_on_this_line = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    if (text[pos] == '\n') reported_on_this_line = false;
    if (decode_utf8(text, pos) == invalid_code_point && !reported_on_this_line) {
      offsets.push_back(start);
      reported_on_this_line = true;
    }
  }
  return offsets;
}

bool is_valid_utf8(std::string_view text) {
  constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (pos + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & high_bits) == 0) {
        pos += 8;
        continue;
      }
    }
    if (decode_utf8(text, pos) == invalid_code_point) return false;
  }
  return true;
}

bool starts_with_bom(std::string_view text) { return text.starts_with("\xEF\xBB\xBF"); }

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

std::string in_quotes(std::string_view text) {
  // Built by appending: `"'" + std::string(...)` trips a false -Wrestrict in GCC 12 at -O2.
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  for (const char c : text) {
    // Control characters written out: a line break in a value must not start what reads as a
    // diagnostic line of its own.
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          static constexpr char hex[] = "0123456789abcdef";
          out += "\\x";
          out += hex[static_cast<unsigned char>(c) >> 4];
          out += hex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '\'';
  return out;
}

}  // namespace alueverkko::detail
