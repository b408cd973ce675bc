// The broken plain-input corpus: tests/data/broken-plain/<case>/ holds one plain input and
// expected.txt, its exact diagnostics ("file:line:column: message", file relative to the case
// directory). The input's name says how it is read (tests/data/make_broken_corpus.py): edges.csv and
// distances.csv as edge lists of affinities and of distances, memberships.csv as a two-mode list,
// values.csv as municipality values of valid-mini's geography. Both entry points, from the file
// (read_*) and from its text (parse_*), must report exactly those diagnostics and load nothing.
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/io/place_values.hpp>
#include <alueverkko/io/plain_lists.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "../valid_mini.hpp"

namespace fs = std::filesystem;
using namespace alueverkko;

// Defined in tests/cpp/data/test_broken_corpus.cpp, shared by the broken-input corpora.
namespace alueverkko::testing {
using DirectorySnapshot = std::map<std::string, std::pair<std::uintmax_t, fs::file_time_type>>;
std::vector<fs::path> corpus_cases(const fs::path& corpus);
std::vector<std::string> expected_diagnostics(const fs::path& case_dir);
std::vector<std::string> relative_diagnostics(const DataError& error, const fs::path& dir);
DirectorySnapshot snapshot_of(const fs::path& dir);
}  // namespace alueverkko::testing

namespace {

const fs::path data_dir = fs::path(ALUEVERKKO_SOURCE_DIR) / "tests" / "data";

// Valid values of every kind, which a failed load must leave as they are.
struct Loaded {
  WeightedGraph graph;
  TwoModeGraph two_mode;
  std::vector<double> values;
};

using Fingerprint = std::tuple<std::vector<std::string>, std::size_t, std::vector<std::string>,
                               std::vector<std::string>, std::size_t, std::vector<double>>;

Fingerprint fingerprint(const Loaded& l) {
  const auto strings = [](std::span<const std::string> s) { return std::vector<std::string>(s.begin(), s.end()); };
  return {strings(l.graph.labels()), l.graph.edge_count(), strings(l.two_mode.row_labels()),
          strings(l.two_mode.column_labels()), l.two_mode.edge_count(), l.values};
}

// The one input file of a case (everything but expected.txt).
fs::path input_of(const fs::path& case_dir) {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(case_dir))
    if (entry.path().filename() != "expected.txt") inputs.push_back(entry.path());
  REQUIRE(inputs.size() == 1);
  return inputs.front();
}

std::string content_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

// Reads `input` into the member of `into` of its kind, from the file or from its text.
void load_into(Loaded& into, const fs::path& input, bool from_text) {
  const std::string kind = input.filename().string(), file = input.string();
  const std::string text = from_text ? content_of(input) : std::string();
  const Geography& geography = testing::valid_mini().geography;
  if (kind == "edges.csv" || kind == "distances.csv") {
    const WeightMeaning meaning = kind == "edges.csv" ? WeightMeaning::affinity : WeightMeaning::distance;
    into.graph = from_text ? parse_edge_list(text, file, meaning) : read_edge_list(input, meaning);
  } else if (kind == "memberships.csv") {
    into.two_mode = from_text ? parse_two_mode_list(text, file) : read_two_mode_list(input);
  } else if (kind == "values.csv") {
    into.values = from_text ? parse_place_values(text, file, geography, PlaceLevel::municipality)
                            : read_place_values(input, geography, PlaceLevel::municipality);
  } else {
    FAIL("unknown kind of plain input: " << kind);
  }
}

}  // namespace

TEST_CASE("broken plain inputs: every case fails with exactly the expected diagnostics, loading nothing",
          "[corpus][io]") {
  const std::string all_places = "code,value\n018,1\n049,2\n091,3\n322,4\n445,5\n638,6\n";
  Loaded loaded{read_edge_list(data_dir / "plain" / "edges.csv", WeightMeaning::affinity),
                read_two_mode_list(data_dir / "plain" / "memberships.csv"),
                parse_place_values(all_places, "v.csv", testing::valid_mini().geography, PlaceLevel::municipality)};
  const Fingerprint before = fingerprint(loaded);
  const std::vector<fs::path> cases = testing::corpus_cases(data_dir / "broken-plain");
  REQUIRE(cases.size() >= 12);

  std::set<std::string> kinds;
  for (const fs::path& dir : cases) {
    const fs::path input = input_of(dir);
    kinds.insert(input.filename().string());
    DYNAMIC_SECTION(dir.filename().string()) {
      const std::vector<std::string> expected = testing::expected_diagnostics(dir);
      REQUIRE_FALSE(expected.empty());
      const testing::DirectorySnapshot files_before = testing::snapshot_of(dir);
      for (const bool from_text : {false, true}) {
        INFO((from_text ? "from the text" : "from the file"));
        std::optional<std::vector<std::string>> actual;
        try {
          load_into(loaded, input, from_text);
        } catch (const DataError& e) {
          actual = testing::relative_diagnostics(e, dir);
        }
        REQUIRE(actual.has_value());
        CHECK(*actual == expected);
        CHECK(fingerprint(loaded) == before);
      }
      CHECK(testing::snapshot_of(dir) == files_before);
    }
  }
  CHECK(kinds == std::set<std::string>{"distances.csv", "edges.csv", "memberships.csv", "values.csv"});
}
