#pragma once
// Normalised form of names for lookups: "HÄMEENLINNA", "Hämeenlinna" and "hämeenlinna " are the
// same name; "Hameenlinna" is not, because in Finnish and Swedish Å, Ä and Ö are letters of their
// own, not accented A and O.
#include <string>
#include <string_view>

namespace alueverkko {

// Lowercases (ASCII, Latin-1 Supplement, Latin Extended-A), removes diacritics except on å, ä, ö
// (é -> e, ü -> u, š -> s; ß -> ss, æ stays æ), composes decomposed a/o + ring/diaeresis into
// å/ä/ö and drops other combining marks, maps typographic apostrophes and dashes to ' and -,
// and collapses runs of white space into one space, trimming both ends. Other characters are
// kept as they are; invalid UTF-8 bytes become U+FFFD.
std::string name_key(std::string_view name);

}  // namespace alueverkko
