// Fuzz target: parse_place_values, a user's per-place values (column `code` and `value`), aligned
// to the valid-mini geography at each level. Input: the text of the file.
#include "fuzz_support.hpp"

#include <alueverkko/io/place_values.hpp>

#include <cmath>

using namespace alueverkko;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const Geography& geography = fuzz::mini_geography();
  for (const PlaceLevel level : {PlaceLevel::municipality, PlaceLevel::subregion, PlaceLevel::region}) {
    try {
      // One value per place, each a finite number or NaN (no data).
      const std::vector<double> values = parse_place_values(text, "values.csv", geography, level);
      fuzz::require(values.size() == place_count(geography, level));
      for (const double value : values) fuzz::require(std::isnan(value) || std::isfinite(value));
    } catch (const DataError& error) {
      fuzz::check_diagnostics(error, {{"values.csv", text}});
    }
  }
  return 0;
}
