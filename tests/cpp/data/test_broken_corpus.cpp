// The broken-data corpus: tests/data/broken/<case>/ is a data set (dataset.json) or geography
// (geography.json) directory derived from tests/data/valid-mini with defects; expected.txt lists the
// exact diagnostics, "file:line:column: message" with file relative to the case directory.
// Nothing may be partially loaded: a failed `x = load_...(case)` leaves x as it was (the strong
// guarantee), and loading writes nothing into the case directory.
//
// The corpus helpers in alueverkko::testing below serve the other broken-input corpora too
// (tests/cpp/io/test_broken_plain.cpp, tests/cpp/geo/test_topojson.cpp), which declare them.
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace alueverkko::testing {

// Every entry under a directory with its size and modification time.
using DirectorySnapshot = std::map<std::string, std::pair<std::uintmax_t, fs::file_time_type>>;

// The case directories of a corpus, by name.
std::vector<fs::path> corpus_cases(const fs::path& corpus) {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(corpus))
    if (entry.is_directory()) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

// The lines of a case's expected.txt.
std::vector<std::string> expected_diagnostics(const fs::path& case_dir) {
  std::ifstream in(case_dir / "expected.txt", std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

// The diagnostics of `error` as "file:line:column: message", with `dir` left out of the file names.
std::vector<std::string> relative_diagnostics(const DataError& error, const fs::path& dir) {
  const std::string prefix = dir.string() + "/";
  std::vector<std::string> out;
  std::string what;
  for (Diagnostic d : error.diagnostics()) {
    what += d.to_string() + "\n";
    if (d.file.starts_with(prefix)) d.file.erase(0, prefix.size());
    out.push_back(d.to_string());
  }
  CHECK(error.what() == what);  // the same diagnostics, one per line
  return out;
}

// What loading must leave as it was.
DirectorySnapshot snapshot_of(const fs::path& dir) {
  DirectorySnapshot files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    files[fs::relative(entry.path(), dir).string()] = {entry.is_regular_file() ? entry.file_size() : 0,
                                                       entry.last_write_time()};
  return files;
}

}  // namespace alueverkko::testing

namespace {

using namespace alueverkko;

const fs::path data_dir = fs::path(ALUEVERKKO_SOURCE_DIR) / "tests" / "data";

// What is compared of a data set or geography before and after a failed load into it.
using Fingerprint = std::tuple<std::string, std::size_t, std::size_t, std::size_t, std::size_t, std::string, std::string>;

Fingerprint fingerprint(const Dataset& d) {
  return {d.name(), d.actors().size(), d.networks().size(), d.memberships().size(), d.aliases().size(),
          d.actors().front().id, d.networks().back().id};
}

Fingerprint fingerprint(const Geography& g) {
  return {g.id(), g.municipalities().size(), g.subregions().size(), g.regions().size(),
          static_cast<std::size_t>(g.reference_year()), g.municipalities().front().code, g.regions().back().name_fi};
}

}  // namespace

TEST_CASE("broken-data corpus: every case fails with exactly the expected diagnostics, loading nothing",
          "[corpus]") {
  Geography geography = load_geography(data_dir / "valid-mini" / "geography" / "mini-2021");
  Dataset dataset = load_dataset(data_dir / "valid-mini" / "collaborations" / "mini", geography);
  const Fingerprint geography_before = fingerprint(geography), dataset_before = fingerprint(dataset);
  const std::vector<fs::path> cases = testing::corpus_cases(data_dir / "broken");
  REQUIRE(cases.size() >= 30);

  for (const fs::path& dir : cases) {
    DYNAMIC_SECTION(dir.filename().string()) {
      const std::vector<std::string> expected = testing::expected_diagnostics(dir);
      REQUIRE_FALSE(expected.empty());
      const testing::DirectorySnapshot files_before = testing::snapshot_of(dir);
      std::optional<std::vector<std::string>> actual;
      bool returned = false;
      try {
        // Assigned into the valid values: a throw must leave them whole.
        if (fs::exists(dir / "geography.json")) {
          geography = load_geography(dir);
        } else {
          dataset = load_dataset(dir, geography);
        }
        returned = true;
      } catch (const DataError& e) {
        actual = testing::relative_diagnostics(e, dir);
      }
      CHECK_FALSE(returned);
      REQUIRE(actual.has_value());
      CHECK(*actual == expected);
      CHECK(fingerprint(geography) == geography_before);
      CHECK(fingerprint(dataset) == dataset_before);
      CHECK(testing::snapshot_of(dir) == files_before);
    }
  }
}
