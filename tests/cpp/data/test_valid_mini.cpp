// The valid fixture tests/data/valid-mini loads completely, with the right counts and values.
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/find_geography.hpp>
#include <alueverkko/geo/geography.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;
using namespace alueverkko;

namespace {
const fs::path mini = fs::path(ALUEVERKKO_SOURCE_DIR) / "tests" / "data" / "valid-mini";
const fs::path mini_geography = mini / "geography" / "mini-2021";
const fs::path mini_dataset = mini / "collaborations" / "mini";
}  // namespace

TEST_CASE("valid-mini: the data set loads with the right counts", "[dataset]") {
  const Geography geography = load_geography(mini_geography);
  const Dataset dataset = load_dataset(mini_dataset, geography);

  CHECK(dataset.name() == "mini");
  CHECK(dataset.geography_id() == "mini-2021");
  CHECK(dataset.metadata().reference_year == 2021);
  REQUIRE(dataset.metadata().sources.size() == 2);
  CHECK(dataset.metadata().sources[1].url == "https://example.org/b");
  CHECK(dataset.metadata().notes.size() == 1);
  CHECK(dataset.actors().size() == 12);
  CHECK(dataset.networks().size() == 3);
  CHECK(dataset.memberships().size() == 12);
  CHECK(dataset.aliases().size() == 10);

  const auto count_kind = [&](ActorKind kind) {
    return std::count_if(dataset.actors().begin(), dataset.actors().end(),
                         [&](const Actor& a) { return a.kind == kind; });
  };
  CHECK(count_kind(ActorKind::municipality) == 6);
  CHECK(count_kind(ActorKind::group) == 1);
  const auto count_status = [&](MembershipStatus status) {
    return std::count_if(dataset.memberships().begin(), dataset.memberships().end(),
                         [&](const Membership& m) { return m.status == status; });
  };
  CHECK(count_status(MembershipStatus::member) == 8);
  CHECK(count_status(MembershipStatus::planned) == 2);
  CHECK(count_status(MembershipStatus::invited) == 1);
  CHECK(count_status(MembershipStatus::mentioned) == 1);
}

TEST_CASE("valid-mini: field values are parsed", "[dataset]") {
  const Geography geography = load_geography(mini_geography);
  const Dataset dataset = load_dataset(mini_dataset, geography);

  const Actor* helsinki = dataset.find_actor("kunta-091");
  REQUIRE(helsinki != nullptr);
  CHECK(helsinki->name == "Helsinki");
  CHECK(helsinki->municipality_code == "091");
  CHECK(helsinki->country == "FI");
  CHECK(helsinki->line == 2);
  REQUIRE(helsinki->source.has_value());
  CHECK(helsinki->source->file == "000_test.txt");
  CHECK(helsinki->source->line_ranges == std::vector<std::pair<int, int>>{{1, 5}});

  const Actor* university = dataset.find_actor("uni-helsinki");
  REQUIRE(university != nullptr);
  CHECK(university->name == "Helsingin yliopisto, University of Helsinki");  // quoted field with a comma
  CHECK(university->source->line_ranges == std::vector<std::pair<int, int>>{{10, 12}, {15, 15}});

  const Actor* uusimaa = dataset.find_actor("mk-01");
  REQUIRE(uusimaa != nullptr);
  CHECK(uusimaa->area_level == AreaLevel::region);
  CHECK(uusimaa->area_unit_code == "01");
  const Actor* turunmaa = dataset.find_actor("sk-025");
  CHECK(turunmaa->area_level == AreaLevel::subregion);
  CHECK(turunmaa->area_unit_code == "025");

  const Actor* tallinn = dataset.find_actor("tallinn");
  REQUIRE(tallinn != nullptr);
  CHECK(tallinn->country == "EE");
  CHECK(tallinn->lat == Approx(59.437));
  CHECK(tallinn->lon == Approx(24.7536));
  CHECK(dataset.find_actor("c6")->declared_size == 6);

  const Network* kasvu = dataset.find_network("n-kasvu");
  REQUIRE(kasvu != nullptr);
  CHECK(kasvu->kind == NetworkKind::proposal);
  CHECK(kasvu->track == Track::development_zone);
  CHECK(kasvu->themes == std::vector<std::string>{"growth", "transport"});
  CHECK(kasvu->declared_members == 5);
  CHECK(kasvu->start == PartialDate{2021, 0, 0});
  CHECK(kasvu->end == PartialDate{2022, 6, 30});
  CHECK(kasvu->orientation == Orientation::bottom_up);
  CHECK_FALSE(kasvu->regional_towns);
  const Network* meri = dataset.find_network("n-meri");
  CHECK(meri->themes == std::vector<std::string>{"archipelago", "tourism, culture"});
  CHECK(meri->regional_towns);
  CHECK(meri->financing == "EU");
  CHECK(dataset.find_network("n-itameri")->country == "FI");
  CHECK(dataset.find_network("nope") == nullptr);

  const std::size_t k = dataset.network_index("n-kasvu");
  REQUIRE(dataset.memberships_of_network(k).size() == 5);
  const Membership& lead = dataset.memberships()[dataset.memberships_of_network(k)[0]];
  CHECK(dataset.actors()[lead.actor].id == "kunta-091");
  CHECK(lead.role == MembershipRole::lead);
  CHECK(lead.weight == 1.0);
  const Membership& porvoo = dataset.memberships()[dataset.memberships_of_network(k)[2]];
  CHECK(porvoo.weight == 0.5);
  CHECK(porvoo.role == MembershipRole::none);
  CHECK(dataset.memberships_of_actor(dataset.actor_index("tallinn")).size() == 2);
  CHECK(dataset.memberships_of_actor(dataset.actor_index("kunta-018")).empty());
}

TEST_CASE("valid-mini: read_dataset_metadata and find_geography_dir", "[dataset][geo]") {
  const DatasetMetadata meta = read_dataset_metadata(mini_dataset);
  CHECK(meta.geography == "mini-2021");
  const auto dir = find_geography_dir(meta.geography, mini_dataset);
  REQUIRE(dir.has_value());
  CHECK(fs::equivalent(*dir, mini_geography));
  CHECK_FALSE(find_geography_dir("no-such-geography", mini_dataset).has_value());
  const auto path = geography_search_path("x", "a/collaborations/b");
  REQUIRE_FALSE(path.empty());
  CHECK(path.front() == fs::path("a/geography/x"));
}
