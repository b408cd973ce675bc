// The broken-data corpus: tests/data/broken/<case>/ is a data set (dataset.json) or geography
// (geography.json) directory derived from tests/data/valid-mini with defects; expected.txt lists the
// exact diagnostics, "file:line:column: message" with file relative to the case directory.
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path data_dir = fs::path(ALUEVERKKO_SOURCE_DIR) / "tests" / "data";

std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

// Diagnostics with the case directory stripped from the file names.
std::vector<std::string> relative(const std::vector<alueverkko::Diagnostic>& diagnostics, const fs::path& dir) {
  const std::string prefix = dir.string() + "/";
  std::vector<std::string> out;
  for (auto d : diagnostics) {
    if (d.file.starts_with(prefix)) d.file.erase(0, prefix.size());
    out.push_back(d.to_string());
  }
  return out;
}

}  // namespace

TEST_CASE("broken-data corpus: every case fails with exactly the expected diagnostics", "[corpus]") {
  const alueverkko::Geography geography =
      alueverkko::load_geography(data_dir / "valid-mini" / "geography" / "mini-2021");
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(data_dir / "broken"))
    if (entry.is_directory()) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 30);

  for (const fs::path& dir : cases) {
    DYNAMIC_SECTION(dir.filename().string()) {
      const std::vector<std::string> expected = read_lines(dir / "expected.txt");
      REQUIRE_FALSE(expected.empty());
      std::optional<std::vector<std::string>> actual;
      bool returned = false;
      try {
        if (fs::exists(dir / "geography.json")) {
          (void)alueverkko::load_geography(dir);
        } else {
          (void)alueverkko::load_dataset(dir, geography);
        }
        returned = true;
      } catch (const alueverkko::DataError& e) {
        actual = relative(e.diagnostics(), dir);
        // what() carries the same diagnostics, one per line.
        CHECK(std::count(std::string_view(e.what()).begin(), std::string_view(e.what()).end(), '\n') ==
              static_cast<std::ptrdiff_t>(e.diagnostics().size()));
      }
      CHECK_FALSE(returned);
      REQUIRE(actual.has_value());
      CHECK(*actual == expected);
    }
  }
}
