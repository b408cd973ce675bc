// Every bundled data set (data/collaborations/<name>/ with an actors.csv) passes the strict loader.
// Skipped while data/ is absent.
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/find_geography.hpp>
#include <alueverkko/geo/geography.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>

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

// The same facts tests/python/test_data_facts.py checks on the CSV text, here through the loader:
// counts by status and track, leads, and proposal 3 as the source lists it (seed 000, lines 84-181).
TEST_CASE("idea_call_2021 through the loader", "[dataset][bundled]") {
  using namespace alueverkko;
  const fs::path data = fs::path(ALUEVERKKO_SOURCE_DIR) / "data";
  const auto geography = load_geography(data / "geography" / "fi-2021");
  const auto dataset = load_dataset(data / "collaborations" / "idea_call_2021", geography);

  CHECK(dataset.networks().size() == 60);
  std::map<std::string_view, int> by_track, by_status;
  for (const auto& n : dataset.networks()) ++by_track[to_string(n.track)];
  CHECK(by_track == std::map<std::string_view, int>{{"development_zone", 9}, {"thematic_network", 51}});
  int leads = 0;
  for (const auto& m : dataset.memberships()) {
    ++by_status[to_string(m.status)];
    leads += m.role == MembershipRole::lead;
  }
  CHECK(dataset.memberships().size() == 275);
  CHECK(by_status == std::map<std::string_view, int>{{"member", 184}, {"planned", 28}, {"mentioned", 63}});
  CHECK(leads == 59);

  const std::size_t p03 = dataset.network_index("p03");
  REQUIRE(p03 != Dataset::npos);
  CHECK(dataset.networks()[p03].name == "Pohjoinen kasvuvyöhyke");
  std::set<std::string> members;
  std::string lead;
  for (const std::size_t m : dataset.memberships_of_network(p03)) {
    const auto& membership = dataset.memberships()[m];
    const auto& actor = dataset.actors()[membership.actor];
    members.insert(actor.kind == ActorKind::municipality ? actor.municipality_code : actor.area_code);
    if (membership.role == MembershipRole::lead) lead = actor.id;
  }
  CHECK(lead == "kunta-853");  // Turku, "verkoston vetäjä" (line 179)
  // Espoo, Helsinki, Kotka, Kouvola, Lahti, Pori, Porvoo, Rauma, Salo, Turku, Uusikaupunki, Vantaa and
  // the councils of Etelä-Karjala (09), Kymenlaakso (08), Päijät-Häme (07), Satakunta (04), Uusimaa (01),
  // Varsinais-Suomi (02).
  CHECK(members == std::set<std::string>{"049", "091", "285", "286", "398", "609", "638", "684", "734", "853",
                                         "895", "092", "MK09", "MK08", "MK07", "MK04", "MK01", "MK02"});
  // Names resolve through aliases and inflected or Swedish forms.
  REQUIRE(dataset.find_actor("Helsingfors") != nullptr);
  CHECK(dataset.find_actor("Helsingfors")->id == "kunta-091");
  CHECK(dataset.find_actor("TURKU")->id == "kunta-853");
}
