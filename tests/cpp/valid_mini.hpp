#pragma once
// tests/data/valid-mini (geography mini-2021, data set mini), loaded once for the test cases of every
// module that work out expected values on it by hand.
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>

#include <filesystem>

namespace alueverkko::testing {

inline const std::filesystem::path valid_mini_dir = std::filesystem::path(ALUEVERKKO_SOURCE_DIR) / "tests/data/valid-mini";

struct ValidMini {
  Geography geography = load_geography(valid_mini_dir / "geography/mini-2021");
  Dataset dataset = load_dataset(valid_mini_dir / "collaborations/mini", geography);
};

inline const ValidMini& valid_mini() {
  static const ValidMini m;
  return m;
}

}  // namespace alueverkko::testing
