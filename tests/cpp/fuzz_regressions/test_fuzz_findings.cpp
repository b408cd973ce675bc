// Bugs found with the fuzz targets (tests/fuzz, docs/fuzzing.md; tests/fuzz/RESULTS.md tells how
// each was found), one test case each, with the exact diagnostics the fixed parsers give. The
// inputs that crashed the targets are replayed by `ctest -L fuzz` from tests/fuzz/crashers/.
#include "../diagnostics_of.hpp"
#include "../valid_mini.hpp"

#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/call_rules.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/topojson.hpp>
#include <alueverkko/io/plain_lists.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

using namespace alueverkko;
using testing::diagnostics_of;

namespace {

std::string contents(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// `text` with its only occurrence of `from` replaced by `to`.
std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("fuzz finding: a JSON number beyond double's range is invalid JSON, not an escaping exception",
          "[fuzz][json]") {
  // nlohmann::json::parse threw out_of_range (406), which parse_json did not catch.
  const std::string text = "{\"value\": 1e400}";
  const std::vector<std::string> expected{"f.json:1:15: invalid JSON: number overflow parsing '1e400'"};
  CHECK(diagnostics_of([&] { parse_call_rules(text, "f.json"); }) == expected);
  CHECK(diagnostics_of([&] { parse_dataset_metadata(text, "f.json"); }) == expected);
  CHECK(diagnostics_of([&] { geo::parse_topojson(text, "f.json"); }) == expected);
}

TEST_CASE("fuzz finding: a ';' header in a quoted field spanning lines is reported where the ';' is",
          "[fuzz][csv]") {
  // The column was counted from the field's start across its line break: line 1, column 14.
  CHECK(diagnostics_of([] { parse_edge_list("\"source\ntarget;weight\"\n", "e.csv", WeightMeaning::affinity); }) ==
        std::vector<std::string>{"e.csv:2:7: fields are separated by ';' but the separator must be ','"});
}

TEST_CASE("fuzz finding: a repeated pair after a quoted field spanning lines is reported at its name",
          "[fuzz][csv]") {
  // The line was the row's first, the column that of the name on the row's last line: 3:4.
  const std::string edges = "note,source,target\nx,a,b\n\"y\nz\",a,b\n";
  CHECK(diagnostics_of([&] { parse_edge_list(edges, "e.csv", WeightMeaning::distance); }) ==
        std::vector<std::string>{
            "e.csv:1:1: unknown column 'note' (allowed columns: source, target, weight)",
            "e.csv:4:4: duplicate edge 'a' - 'b' (first at line 2); distances of a pair are not summed: list each "
            "pair once"});
  const std::string memberships = "note,actor,network\nx,a,b\n\"y\nz\",a,b\n";
  CHECK(diagnostics_of([&] { parse_two_mode_list(memberships, "m.csv"); }) ==
        std::vector<std::string>{"m.csv:1:1: unknown column 'note' (allowed columns: actor, network, weight)",
                                 "m.csv:4:4: duplicate membership of actor 'a' in network 'b' (first at line 2)"});
}

TEST_CASE("fuzz finding: a requirement '> 9223372036854775807' is reported, not overflowed", "[fuzz][rules]") {
  // Requirement::minimum() computed value + 1: signed overflow.
  const std::string minimal = contents(testing::valid_mini_dir.parent_path() / "rules" / "minimal.json");
  const std::string text = replaced(minimal, R"("comparison": ">", "value": 4)",
                                    R"("comparison": ">", "value": 9223372036854775807)");
  CHECK(diagnostics_of([&] { parse_call_rules(text, "rules.json"); }) ==
        std::vector<std::string>{
            "rules.json:12:64: value 9223372036854775807 is too large: no count is greater"});
}

TEST_CASE("fuzz finding: declared counts beyond int are invalid, not truncated", "[fuzz][dataset]") {
  // declared_size 4294967296 was stored as the int 0, declared_members 4294967295 as -1.
  const std::filesystem::path dir = testing::valid_mini_dir / "collaborations" / "mini";
  DatasetTexts texts;
  texts.metadata = read_dataset_metadata(dir);
  texts.actors = {"actors.csv", replaced(contents(dir / "actors.csv"), "kunta-091,Helsinki,municipality,091,,FI,,,,",
                                         "kunta-091,Helsinki,municipality,091,,FI,,,4294967296,")};
  texts.networks = {"networks.csv", contents(dir / "networks.csv")};
  texts.memberships = {"memberships.csv", contents(dir / "memberships.csv")};
  CHECK(diagnostics_of([&] { parse_dataset(texts, testing::valid_mini().geography); }) ==
        std::vector<std::string>{
            "actors.csv:2:43: invalid declared_size '4294967296': expected at most 2147483647"});
}

TEST_CASE("fuzz finding: populations whose sum exceeds int64 are reported, not overflowed", "[fuzz][geo]") {
  // The sums of check_sums (and Geography::population_total) overflowed.
  const std::filesystem::path dir = testing::valid_mini_dir / "geography" / "mini-2021";
  const std::string huge = "5000000000000000000";
  GeographyTexts texts;
  texts.json = contents(dir / "geography.json");
  texts.municipalities.content = replaced(replaced(contents(dir / "municipalities.csv"), "292913,292796", huge + "," + huge),
                                          "656920,658457", huge + "," + huge);
  texts.subregions.content = contents(dir / "subregions.csv");
  texts.regions.content = contents(dir / "regions.csv");
  texts.population.content = contents(dir / "population.csv");
  const std::string sum = "the populations of its municipalities in municipalities.csv sum to more than "
                          "9223372036854775807";
  CHECK(diagnostics_of([&] { parse_geography(texts); }) ==
        std::vector<std::string>{
            "subregions.csv:2:81: " + sum, "regions.csv:2:29: " + sum,
            "population.csv:6:10: population 292913 of municipality 049 in 2020 differs from population_2020 " + huge +
                " in municipalities.csv",
            "population.csv:7:10: population 292796 of municipality 049 in 2021 differs from population_2021 " + huge +
                " in municipalities.csv",
            "population.csv:9:10: population 656920 of municipality 091 in 2020 differs from population_2020 " + huge +
                " in municipalities.csv",
            "population.csv:10:10: population 658457 of municipality 091 in 2021 differs from population_2021 " + huge +
                " in municipalities.csv"});
}

TEST_CASE("fuzz finding: a population total beyond int64 is nullopt, not overflowed", "[fuzz][geo]") {
  // Only the years of the population_YYYY columns are checked against other sums; another year of
  // population.csv may hold any populations >= 0.
  const std::filesystem::path dir = testing::valid_mini_dir / "geography" / "mini-2021";
  GeographyTexts texts;
  texts.json = contents(dir / "geography.json");
  texts.municipalities.content = contents(dir / "municipalities.csv");
  texts.subregions.content = contents(dir / "subregions.csv");
  texts.regions.content = contents(dir / "regions.csv");
  texts.population.content = contents(dir / "population.csv");
  for (const char* code : {"018", "049", "091", "322", "445", "638"})
    texts.population.content += std::string(code) + ",2018,5000000000000000000\n";
  const Geography geography = parse_geography(texts);
  CHECK(geography.population_total(2018) == std::nullopt);
  CHECK(geography.population_total(2021) == 1028514);
}
