// parse_dataset: the tables of a data set from memory, checked like load_dataset checks a directory.
#include "../diagnostics_of.hpp"
#include "../valid_mini.hpp"

#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/dataset.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace alueverkko;

namespace {

const std::filesystem::path mini_dataset = testing::valid_mini_dir / "collaborations/mini";

std::string contents(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// valid-mini's files as texts named "actors", "networks", …
DatasetTexts mini_texts() {
  DatasetTexts texts;
  texts.metadata = read_dataset_metadata(mini_dataset);
  texts.actors = {"actors", contents(mini_dataset / "actors.csv")};
  texts.networks = {"networks", contents(mini_dataset / "networks.csv")};
  texts.memberships = {"memberships", contents(mini_dataset / "memberships.csv")};
  texts.aliases = CsvText{"aliases", contents(mini_dataset / "aliases.csv")};
  return texts;
}

std::vector<std::string> diagnostics_of(DatasetTexts texts, const Geography& geography) {
  return testing::diagnostics_of([&] { parse_dataset(std::move(texts), geography); });
}

}  // namespace

TEST_CASE("parse_dataset: valid-mini from memory equals the loaded directory", "[dataset]") {
  const auto& mini = testing::valid_mini();
  const Dataset parsed = parse_dataset(mini_texts(), mini.geography);
  const Dataset& loaded = mini.dataset;

  CHECK(parsed.name() == loaded.name());
  CHECK(parsed.directory().empty());
  REQUIRE(parsed.actors().size() == loaded.actors().size());
  for (std::size_t i = 0; i < parsed.actors().size(); ++i) {
    CHECK(parsed.actors()[i].id == loaded.actors()[i].id);
    CHECK(parsed.actors()[i].municipality_code == loaded.actors()[i].municipality_code);
    CHECK(parsed.actors()[i].line == loaded.actors()[i].line);
  }
  REQUIRE(parsed.memberships().size() == loaded.memberships().size());
  for (std::size_t i = 0; i < parsed.memberships().size(); ++i) {
    const Membership &a = parsed.memberships()[i], &b = loaded.memberships()[i];
    CHECK((a.network == b.network && a.actor == b.actor && a.status == b.status && a.role == b.role));
    CHECK(a.weight == b.weight);
  }
  CHECK(parsed.aliases().size() == loaded.aliases().size());
  CHECK(parsed.find_actor("Helsingfors") == &parsed.actors()[parsed.actor_index("kunta-091")]);
}

TEST_CASE("parse_dataset: diagnostics name the in-memory tables", "[dataset]") {
  const auto& mini = testing::valid_mini();
  DatasetTexts texts = mini_texts();
  texts.memberships.content += "n-kasvu,nobody,maybe,,,,,\n";
  const std::string line = std::to_string(std::count(texts.memberships.content.begin(), texts.memberships.content.end(), '\n'));
  CHECK(diagnostics_of(texts, mini.geography) ==
        std::vector<std::string>{"memberships:" + line + ":9: unknown actor_id 'nobody' (not in actors)",
                                 "memberships:" + line + ":16: invalid status 'maybe' (allowed: member, planned, invited, mentioned)"});
}

TEST_CASE("parse_dataset: cited source files are checked only when the sources are listed", "[dataset]") {
  const auto& mini = testing::valid_mini();
  DatasetTexts texts = mini_texts();
  texts.metadata.sources.clear();
  CHECK_NOTHROW(parse_dataset(texts, mini.geography));  // sources_listed is false by default
  texts.sources_listed = true;
  const auto problems = diagnostics_of(texts, mini.geography);
  REQUIRE(!problems.empty());
  CHECK(problems.front() == "actors:2:44: source file '000_test.txt' is not listed in the sources of dataset.json");
}

TEST_CASE("parse_dataset: the metadata's geography must be the one checked against", "[dataset]") {
  const auto& mini = testing::valid_mini();
  DatasetTexts texts = mini_texts();
  texts.metadata.geography.clear();
  CHECK(parse_dataset(texts, mini.geography).geography_id() == mini.geography.id());
  texts.metadata.geography = "fi-2021";
  CHECK(diagnostics_of(texts, mini.geography) ==
        std::vector<std::string>{"metadata:0:0: geography 'fi-2021' does not match the geography 'mini-2021' the "
                                 "data set is checked against"});
}
