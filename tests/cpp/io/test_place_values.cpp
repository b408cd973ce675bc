// A user's values per place (io/place_values.hpp) on tests/data/valid-mini's geography (municipalities
// 018 049 091 322 445 638; regions 01 02).
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/io/place_values.hpp>

#include <catch2/catch.hpp>

#include <cmath>

#include "../diagnostics_of.hpp"
#include "../valid_mini.hpp"

using namespace alueverkko;

namespace {

std::vector<std::string> messages(const std::string& csv, PlaceLevel level, std::string_view column = "value") {
  return testing::diagnostics_of([&] { (void)parse_place_values(csv, "v.csv", testing::valid_mini().geography, level, column); });
}

}  // namespace

TEST_CASE("place values are aligned to the geography's order, the rest is no data", "[place_values]") {
  const Geography& geo = testing::valid_mini().geography;
  const auto v = parse_place_values("name,code,value\nHelsinki,091,2.5\nEspoo,049,-1e3\nX,638,\n", "v.csv", geo,
                                    PlaceLevel::municipality);
  REQUIRE(v.size() == 6);
  CHECK(std::isnan(v[0]));  // 018 not listed
  CHECK(v[1] == -1000.0);   // 049
  CHECK(v[2] == 2.5);       // 091
  CHECK(std::isnan(v[3]));
  CHECK(std::isnan(v[4]));
  CHECK(std::isnan(v[5]));  // 638: empty value
  const auto r = parse_place_values("code,rate\r\n02,7\r\n", "r.csv", geo, PlaceLevel::region, "rate");
  REQUIRE(r.size() == 2);
  CHECK(std::isnan(r[0]));
  CHECK(r[1] == 7.0);
}

TEST_CASE("bad place values: every problem with its position, nothing returned", "[place_values]") {
  CHECK(messages("code,value\n091,1\n999,2\n091,x\n,3\n", PlaceLevel::municipality) ==
        std::vector<std::string>{"v.csv:3:1: unknown municipality code '999' (geography mini-2021)",
                                 "v.csv:4:1: code '091' repeated (first on line 2)",
                                 "v.csv:4:5: invalid value 'x': expected a finite number",
                                 "v.csv:5:1: missing value for required column 'code'"});
  CHECK(messages("code,value\n091,1\n", PlaceLevel::region) ==
        std::vector<std::string>{"v.csv:2:1: unknown region code '091' (geography mini-2021)"});
  const auto missing = messages("code,rate\n01,1\n", PlaceLevel::region);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0] == "v.csv:1:0: missing required column 'value' (required columns: code, value)");
  CHECK_THROWS_AS(read_place_values(testing::valid_mini_dir / "nope.csv", testing::valid_mini().geography,
                                    PlaceLevel::region),
                  DataError);
}
