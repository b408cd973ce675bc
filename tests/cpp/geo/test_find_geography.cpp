#include <alueverkko/geo/find_geography.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("find_geography_dir: next to the data set, then ALUEVERKKO_DATA_DIR", "[geo]") {
  const fs::path tests_data = fs::path(ALUEVERKKO_SOURCE_DIR) / "tests" / "data";
  const fs::path mini = tests_data / "valid-mini";

  // 1. <near>/../../geography/<id>
  auto found = alueverkko::find_geography_dir("mini-2021", mini / "collaborations" / "mini");
  REQUIRE(found.has_value());
  CHECK(fs::equivalent(*found, mini / "geography" / "mini-2021"));

  // 2. $ALUEVERKKO_DATA_DIR/geography/<id>, when nothing is found near the data set
  ::setenv("ALUEVERKKO_DATA_DIR", mini.c_str(), 1);
  const auto search = alueverkko::geography_search_path("mini-2021", tests_data / "broken" / "csv-bom");
  REQUIRE(search.size() >= 2);
  CHECK(search[0] == (tests_data / "geography" / "mini-2021").lexically_normal());
  CHECK(search[1] == mini / "geography" / "mini-2021");
  found = alueverkko::find_geography_dir("mini-2021", tests_data / "broken" / "csv-bom");
  REQUIRE(found.has_value());
  CHECK(fs::equivalent(*found, mini / "geography" / "mini-2021"));
  found = alueverkko::find_geography_dir("mini-2021");
  REQUIRE(found.has_value());
  ::unsetenv("ALUEVERKKO_DATA_DIR");

  CHECK_FALSE(alueverkko::find_geography_dir("mini-2021", tests_data / "broken" / "csv-bom").has_value());
  CHECK(alueverkko::geography_search_path("x").front().filename() == "x");
}
