#include <alueverkko/data/name_key.hpp>

#include "../core/text.hpp"

namespace alueverkko {

namespace {

constexpr char32_t a_ring = 0xE5, a_diaeresis = 0xE4, o_diaeresis = 0xF6;

// Latin-1 Supplement U+00C0..U+00FF: lowercase without accents; 0 = keep the (lowercased) letter.
// The table is for lowercase letters; uppercase U+00C0..U+00DE map by +0x20 first.
std::string_view latin1_base(char32_t lower) {
  switch (lower) {
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: return "a";
    case 0xE7: return "c";
    case 0xE8: case 0xE9: case 0xEA: case 0xEB: return "e";
    case 0xEC: case 0xED: case 0xEE: case 0xEF: return "i";
    case 0xF1: return "n";
    case 0xF2: case 0xF3: case 0xF4: case 0xF5: return "o";
    case 0xF9: case 0xFA: case 0xFB: case 0xFC: return "u";
    case 0xFD: case 0xFF: return "y";
    case 0xDF: return "ss";
    default: return {};  // å ä ö æ ø ð þ and the rest stay
  }
}

// Latin Extended-A U+0100..U+017F: base letter of each code point ('?' = handled separately).
constexpr std::string_view extended_a_table =
    "aaaaaaccccccccdd"   // 0100
    "ddeeeeeeeeeegggg"   // 0110
    "gggghhhhiiiiiiii"   // 0120
    "ii??jjkkklllllll"   // 0130 (0132/0133 = ij)
    "lllnnnnnnnnnoooo"   // 0140
    "oo??rrrrrrssssss"   // 0150 (0152/0153 = oe)
    "ssttttttuuuuuuuu"   // 0160
    "uuuuwwyyyzzzzzzs";  // 0170

std::string_view extended_a_base(char32_t cp) {
  static_assert(extended_a_table.size() == 128);
  if (cp == 0x132 || cp == 0x133) return "ij";
  if (cp == 0x152 || cp == 0x153) return "oe";
  return extended_a_table.substr(cp - 0x100, 1);
}

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x2009 || cp == 0x202F; }

}  // namespace

std::string name_key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < name.size();) {
    char32_t cp = detail::decode_utf8(name, pos);
    if (cp == detail::invalid_code_point) cp = 0xFFFD;

    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    // Combining marks (decomposed input): ring above / diaeresis make å, ä, ö of a preceding a/o;
    // every other mark is an accent to drop.
    if (cp >= 0x300 && cp <= 0x36F) {
      if (cp == 0x30A && !out.empty() && out.back() == 'a') {
        out.pop_back();
        detail::append_utf8(out, a_ring);
      } else if (cp == 0x308 && !out.empty() && (out.back() == 'a' || out.back() == 'o')) {
        const char base = out.back();
        out.pop_back();
        detail::append_utf8(out, base == 'a' ? a_diaeresis : o_diaeresis);
      }
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 0x20;  // Latin-1 uppercase -> lowercase
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x00B4) cp = '\'';
    if (cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014) cp = '-';

    if (cp >= 0xDF && cp <= 0xFF) {
      const std::string_view base = latin1_base(cp);
      if (!base.empty()) {
        out += base;
        continue;
      }
    } else if (cp >= 0x100 && cp <= 0x17F) {
      out += extended_a_base(cp);
      continue;
    }
    detail::append_utf8(out, cp);
  }
  return out;
}

}  // namespace alueverkko
