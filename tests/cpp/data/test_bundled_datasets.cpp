// Every bundled data set (data/collaborations/<name>/ with an actors.csv) passes the strict loader.
// Skipped while data/ is absent.
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/find_geography.hpp>
#include <alueverkko/geo/geography.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("bundled data sets load against their geography", "[dataset][bundled]") {
  const fs::path collections = fs::path(ALUEVERKKO_SOURCE_DIR) / "data" / "collaborations";
  if (!fs::is_directory(collections)) {
    WARN("data/collaborations not present: bundled data set checks skipped");
    return;
  }
  for (const auto& entry : fs::directory_iterator(collections)) {
    if (!fs::exists(entry.path() / "actors.csv")) continue;  // not a collaboration data set
    DYNAMIC_SECTION(entry.path().filename().string()) {
      try {
        const auto meta = alueverkko::read_dataset_metadata(entry.path());
        const auto dir = alueverkko::find_geography_dir(meta.geography, entry.path());
        REQUIRE(dir.has_value());
        const auto geography = alueverkko::load_geography(*dir);
        const auto dataset = alueverkko::load_dataset(entry.path(), geography);
        CHECK_FALSE(dataset.actors().empty());
        CHECK_FALSE(dataset.networks().empty());
      } catch (const alueverkko::DataError& e) {
        FAIL(e.what());
      }
    }
  }
}
