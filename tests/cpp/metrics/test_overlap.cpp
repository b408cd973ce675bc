// Overlap of networks, near-duplicates and portfolios (metrics/overlap.hpp) on tests/data/valid-mini
// and on a data set built here, with every expected value worked out by hand in the comments; and
// the pairs of the bundled idea_call_2021 against a brute-force intersection of member sets.
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/overlap.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "../valid_mini.hpp"

using namespace alueverkko;

namespace {

const std::filesystem::path source_dir(ALUEVERKKO_SOURCE_DIR);

using testing::valid_mini;

const Table::Strings& strings(const Table& t, std::string_view name) { return std::get<Table::Strings>(t.column(name).values); }
const Table::Integers& integers(const Table& t, std::string_view name) { return std::get<Table::Integers>(t.column(name).values); }
const Table::Reals& reals(const Table& t, std::string_view name) { return std::get<Table::Reals>(t.column(name).values); }

std::vector<std::string> pair_ids(const Table& t) {
  std::vector<std::string> out;
  for (std::size_t r = 0; r < t.rows(); ++r) out.push_back(strings(t, "network_a")[r] + "+" + strings(t, "network_b")[r]);
  return out;
}

// Five companies a1..a5 (no place: the actor level needs no geography) in four networks:
//   N1 {a1,a2,a3}     themes "Sustainable tourism | Matkailun kehittäminen"
//   N2 {a1,a2,a3,a4}  "sustainable TOURISM and the culture"
//   N3 {a3,a5}        "Tourism-marketing / ÄLYKÄS erikoistuminen"
//   N4 {a5}           "AI, RDI & 5G | Älykäs erikoistuminen"
// Pairs sharing members:
//   N1-N2 shared 3, jaccard 3/(3+4-3) = 0.75, overlap 3/3 = 1, words sustainable, tourism
//   N3-N4 shared 1, jaccard 1/(2+1-1) = 0.5,  overlap 1/1 = 1, words erikoistuminen, älykäs
//   N1-N3 shared 1, jaccard 1/(3+2-1) = 0.25, overlap 1/2,     words tourism
//   N2-N3 shared 1, jaccard 1/(4+2-1) = 0.2,  overlap 1/2,     words tourism
// (N1-N4, N2-N4 share no member.)
Dataset themed() {
  DatasetData data;
  data.metadata.name = "themed";
  for (int a = 1; a <= 5; ++a) {
    Actor actor;
    actor.id = "a" + std::to_string(a);
    actor.name = "Actor " + std::to_string(a);
    actor.kind = ActorKind::company;
    data.actors.push_back(actor);
  }
  const std::vector<std::pair<std::string, std::vector<std::string>>> networks{
      {"N1", {"Sustainable tourism", "Matkailun kehittäminen"}},
      {"N2", {"sustainable TOURISM and the culture"}},
      {"N3", {"Tourism-marketing / ÄLYKÄS erikoistuminen"}},
      {"N4", {"AI, RDI & 5G", "Älykäs erikoistuminen"}}};
  for (const auto& [id, themes] : networks) {
    Network n;
    n.id = id;
    n.name = "Network " + id;
    n.themes = themes;
    data.networks.push_back(n);
  }
  const std::vector<std::vector<std::size_t>> members{{0, 1, 2}, {0, 1, 2, 3}, {2, 4}, {4}};
  for (std::size_t n = 0; n < members.size(); ++n)
    for (const std::size_t a : members[n]) {
      Membership m;
      m.network = n;
      m.actor = a;
      data.memberships.push_back(m);
    }
  return Dataset(std::move(data));
}

}  // namespace

TEST_CASE("overlap measures have their CSV spellings", "[overlap]") {
  for (const auto m : {OverlapMeasure::shared, OverlapMeasure::jaccard, OverlapMeasure::overlap})
    CHECK(parse_overlap_measure(to_string(m)) == m);
  CHECK_FALSE(parse_overlap_measure("Jaccard"));
  CHECK_FALSE(parse_overlap_measure(""));
}

TEST_CASE("pairs of networks on the hand-made data set", "[overlap]") {
  const Dataset d = themed();
  const Geography none;
  const Table t = network_overlap(d, none, {});
  CHECK(pair_ids(t) == std::vector<std::string>{"N1+N2", "N3+N4", "N1+N3", "N2+N3"});
  CHECK(t.columns().size() == 9);
  CHECK(strings(t, "name_a")[0] == "Network N1");
  CHECK(strings(t, "name_b")[0] == "Network N2");
  CHECK(integers(t, "shared") == Table::Integers{3, 1, 1, 1});
  CHECK(integers(t, "size_a") == Table::Integers{3, 2, 3, 4});
  CHECK(integers(t, "size_b") == Table::Integers{4, 1, 2, 2});
  CHECK(reals(t, "jaccard") == std::vector<double>{0.75, 0.5, 0.25, 0.2});
  CHECK(reals(t, "overlap") == std::vector<double>{1, 1, 0.5, 0.5});

  SECTION("by shared: ties broken by jaccard") {
    OverlapOptions o;
    o.measure = OverlapMeasure::shared;
    // shared 3, then the three pairs sharing 1 by jaccard 0.5 > 0.25 > 0.2
    CHECK(pair_ids(network_overlap(d, none, o)) == std::vector<std::string>{"N1+N2", "N3+N4", "N1+N3", "N2+N3"});
    o.min = 2;
    CHECK(pair_ids(network_overlap(d, none, o)) == std::vector<std::string>{"N1+N2"});
  }
  SECTION("by overlap: 1, 1, 0.5, 0.5; ties by shared, then jaccard") {
    OverlapOptions o;
    o.measure = OverlapMeasure::overlap;
    CHECK(pair_ids(network_overlap(d, none, o)) == std::vector<std::string>{"N1+N2", "N3+N4", "N1+N3", "N2+N3"});
  }
  SECTION("min and top") {
    OverlapOptions o;
    o.min = 0.25;  // inclusive: N1-N3 stays, N2-N3 (0.2) goes
    CHECK(pair_ids(network_overlap(d, none, o)) == std::vector<std::string>{"N1+N2", "N3+N4", "N1+N3"});
    o.top = 2;
    CHECK(pair_ids(network_overlap(d, none, o)) == std::vector<std::string>{"N1+N2", "N3+N4"});
    o.min = 0.8;
    CHECK(network_overlap(d, none, o).rows() == 0);
  }
  SECTION("a bad minimum is refused") {
    OverlapOptions o;
    o.min = -0.1;
    CHECK_THROWS_AS(network_overlap(d, none, o), std::invalid_argument);
    o.min = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(network_overlap(d, none, o), std::invalid_argument);
  }
}

TEST_CASE("theme words", "[overlap]") {
  Network n;
  // post: a stop word; 2030: no letter; the en dash becomes '-' (name_key) and splits; and/of/the:
  // shorter than 4; with: a stop word
  n.themes = {"Post-COVID recovery (Build Back Better)", "SDGs / Agenda 2030", "Saimaa\u2013lake tourism",
              "and of the with", "Recovery"};
  CHECK(theme_words(n) == std::vector<std::string>{"agenda", "back", "better", "build", "covid", "lake", "recovery",
                                                    "saimaa", "sdgs", "tourism"});
  Network finnish;
  finnish.themes = {"ÄLYKÄS erikoistuminen sekä kestävä kehittäminen", "TKI-toiminta"};
  // sekä, kehittäminen: stop words; tki: 3 letters; Ä lowercased to ä and sorted after ASCII
  CHECK(theme_words(finnish) == std::vector<std::string>{"erikoistuminen", "kestävä", "toiminta", "älykäs"});
  const auto stop = theme_stop_words();
  CHECK(std::is_sorted(stop.begin(), stop.end()));
  CHECK(std::binary_search(stop.begin(), stop.end(), "sekä"));
  CHECK(std::binary_search(stop.begin(), stop.end(), "regional"));
  for (const auto w : stop) CHECK(w.size() >= theme_word_min_length);
}

TEST_CASE("near-duplicates on the hand-made data set", "[overlap]") {
  const Dataset d = themed();
  const Geography none;
  // default: jaccard >= 0.25 and one shared word: N1-N2 0.75, N3-N4 0.5, N1-N3 0.25 (N2-N3 0.2 out)
  const Table t = near_duplicates(d, none, {});
  CHECK(pair_ids(t) == std::vector<std::string>{"N1+N2", "N3+N4", "N1+N3"});
  CHECK(strings(t, "shared_words") == Table::Strings{"sustainable|tourism", "erikoistuminen|älykäs", "tourism"});
  CHECK(integers(t, "n_shared_words") == Table::Integers{2, 2, 1});
  CHECK(t.columns()[4].name == "shared_words");
  CHECK(reals(t, "jaccard") == std::vector<double>{0.75, 0.5, 0.25});

  NearDuplicateOptions o;
  o.min_shared_words = 2;
  CHECK(pair_ids(near_duplicates(d, none, o)) == std::vector<std::string>{"N1+N2", "N3+N4"});
  o = {};
  o.measure = OverlapMeasure::overlap;
  o.threshold = 0.5;  // all four; overlap ties 1, 1 (two words each: shared 3 > 1), then 0.5, 0.5
  CHECK(pair_ids(near_duplicates(d, none, o)) == std::vector<std::string>{"N1+N2", "N3+N4", "N1+N3", "N2+N3"});
  o.top = 1;
  CHECK(pair_ids(near_duplicates(d, none, o)) == std::vector<std::string>{"N1+N2"});
  o = {};
  o.min_shared_words = 0;
  CHECK_THROWS_AS(near_duplicates(d, none, o), std::invalid_argument);
  o = {};
  o.threshold = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(near_duplicates(d, none, o), std::invalid_argument);
}

TEST_CASE("pairs on valid-mini at every level", "[overlap]") {
  const auto& [geo, d] = valid_mini();
  // actor level, every status: n-kasvu 5 actors, n-meri 4, n-itameri 3; only tallinn is in two
  // networks (n-meri invited, n-itameri member): jaccard 1/(4+3-1) = 1/6, overlap 1/3
  const Table actors = network_overlap(d, geo, {});
  REQUIRE(actors.rows() == 1);
  CHECK(pair_ids(actors)[0] == "n-meri+n-itameri");
  CHECK(strings(actors, "name_a")[0] == "Saaristomeren verkosto");
  CHECK(integers(actors, "size_a")[0] == 4);
  CHECK(integers(actors, "size_b")[0] == 3);
  CHECK(reals(actors, "jaccard")[0] == Approx(1.0 / 6));
  CHECK(reals(actors, "overlap")[0] == Approx(1.0 / 3));

  // municipality level: n-kasvu {091 (Helsinki and its university), 049, 638} (mk-01 is region-wide:
  // left out); n-meri {322, 445, tallinn} (sk-025 left out); n-itameri {tallinn} (liitto-01 is
  // region-wide, c6 has no seat): n-meri-n-itameri shared 1, jaccard 1/3, overlap 1
  OverlapOptions o;
  o.level = ActorLevel::municipality;
  const Table places = network_overlap(d, geo, o);
  REQUIRE(places.rows() == 1);
  CHECK(integers(places, "size_a")[0] == 3);
  CHECK(integers(places, "size_b")[0] == 1);
  CHECK(reals(places, "jaccard")[0] == Approx(1.0 / 3));
  CHECK(reals(places, "overlap")[0] == 1);

  // region level: n-kasvu {01}; n-meri {02, tallinn} (sk-025 lies in 02); n-itameri {01 (liitto-01),
  // tallinn}: n-kasvu-n-itameri shared 1, jaccard 1/2, overlap 1; n-meri-n-itameri shared 1,
  // jaccard 1/3, overlap 1/2
  o.level = ActorLevel::region;
  const Table regions = network_overlap(d, geo, o);
  CHECK(pair_ids(regions) == std::vector<std::string>{"n-kasvu+n-itameri", "n-meri+n-itameri"});
  CHECK(reals(regions, "jaccard")[0] == Approx(0.5));
  CHECK(reals(regions, "jaccard")[1] == Approx(1.0 / 3));
  CHECK(reals(regions, "overlap")[1] == Approx(0.5));

  // members only: tallinn's n-meri membership is an invitation, so at the actor level no network
  // shares a member; at the region level n-kasvu {01} and n-itameri {01, tallinn} still do
  o = {};
  o.filter.statuses = {MembershipStatus::member};
  CHECK(network_overlap(d, geo, o).rows() == 0);
  o.level = ActorLevel::region;
  CHECK(pair_ids(network_overlap(d, geo, o)) == std::vector<std::string>{"n-kasvu+n-itameri"});

  // no theme words are shared in valid-mini (growth|transport; archipelago|tourism|culture; none)
  CHECK(near_duplicates(d, geo, {}).rows() == 0);
}

TEST_CASE("portfolios on valid-mini", "[overlap]") {
  const auto& [geo, d] = valid_mini();
  SECTION("actors") {
    const Table t = portfolio(d, geo, {});
    // every actor with a membership (all but kunta-018): tallinn has two networks, kunta-091 one
    // that it leads, the rest one each, by id
    CHECK(strings(t, "id") == Table::Strings{"tallinn", "kunta-091", "c6", "kunta-049", "kunta-322", "kunta-445",
                                             "kunta-638", "liitto-01", "mk-01", "sk-025", "uni-helsinki"});
    CHECK(strings(t, "name")[0] == "Tallinn");
    CHECK(strings(t, "kind")[0] == "foreign_municipality");
    CHECK(integers(t, "networks")[0] == 2);
    CHECK(integers(t, "led")[0] == 0);
    CHECK(reals(t, "mean_network_size")[0] == Approx(3.5));  // n-meri 4, n-itameri 3
    CHECK(integers(t, "member")[0] == 1);
    CHECK(integers(t, "invited")[0] == 1);
    CHECK(strings(t, "roles")[0] == "partner:1");  // the invitation has no role
    CHECK(strings(t, "network_ids")[0] == "n-meri|n-itameri");
    CHECK(integers(t, "led")[1] == 1);
    CHECK(strings(t, "roles")[1] == "lead:1");
    CHECK(reals(t, "mean_network_size")[1] == 5);
    CHECK(integers(t, "co_lead")[4] == 1);      // kunta-322
    CHECK(integers(t, "coordinator")[7] == 1);  // liitto-01
    CHECK(integers(t, "mentioned")[8] == 1);    // mk-01
    std::vector<std::string> names;
    for (const auto& c : t.columns()) names.push_back(c.name);
    CHECK(names == std::vector<std::string>{"id", "name", "kind", "networks", "led", "mean_network_size", "member",
                                            "planned", "invited", "mentioned", "co_lead", "coordinator", "roles",
                                            "network_ids"});
    PortfolioOptions top;
    top.top = 2;
    CHECK(portfolio(d, geo, top).rows() == 2);
  }
  SECTION("municipalities") {
    PortfolioOptions o;
    o.level = ActorLevel::municipality;
    const Table t = portfolio(d, geo, o);
    // tallinn in n-meri (size 3) and n-itameri (size 1); 091 leads n-kasvu (kunta-091 lead and
    // uni-helsinki partner merge into one membership, lead); then 049, 322, 445, 638
    CHECK(strings(t, "id") == Table::Strings{"tallinn", "091", "049", "322", "445", "638"});
    CHECK(reals(t, "mean_network_size")[0] == Approx(2));
    CHECK(strings(t, "name")[1] == "Helsinki");
    CHECK(strings(t, "kind")[1] == "municipality");
    CHECK(integers(t, "led")[1] == 1);
    CHECK(integers(t, "member")[1] == 1);
    CHECK(integers(t, "planned")[5] == 1);  // Porvoo
  }
  SECTION("regions") {
    PortfolioOptions o;
    o.level = ActorLevel::region;
    const Table t = portfolio(d, geo, o);
    // 01: n-kasvu (lead, size 1) and n-itameri (liitto-01 coordinator, size 2): 2 networks, led 1,
    // mean 1.5; tallinn: 2 networks, none led, mean (2 + 2)/2; 02: n-meri (co_lead), size 2
    CHECK(strings(t, "id") == Table::Strings{"01", "tallinn", "02"});
    CHECK(strings(t, "name")[0] == "Uusimaa");
    CHECK(strings(t, "kind")[0] == "region");
    CHECK(integers(t, "led")[0] == 1);
    CHECK(strings(t, "roles")[0] == "lead:1|coordinator:1");
    CHECK(reals(t, "mean_network_size")[0] == Approx(1.5));
    CHECK(reals(t, "mean_network_size")[1] == Approx(2));
    CHECK(strings(t, "roles")[2] == "co_lead:1");
    CHECK(integers(t, "co_lead")[2] == 1);
  }
  SECTION("filtered: leads only") {
    PortfolioOptions o;
    o.filter.roles = {MembershipRole::lead};
    const Table t = portfolio(d, geo, o);
    CHECK(strings(t, "id") == Table::Strings{"kunta-091"});
  }
}

TEST_CASE("idea_call_2021: every pair sharing actors, against brute force", "[overlap]") {
  const Geography geo = load_geography(source_dir / "data/geography/fi-2021");
  const Dataset d = load_dataset(source_dir / "data/collaborations/idea_call_2021", geo);
  std::vector<std::set<std::size_t>> members(d.networks().size());
  for (const auto& m : d.memberships()) members[m.network].insert(m.actor);
  std::map<std::string, std::size_t> expected;  // "a+b" → shared
  for (std::size_t a = 0; a < members.size(); ++a)
    for (std::size_t b = a + 1; b < members.size(); ++b) {
      std::vector<std::size_t> both;
      std::set_intersection(members[a].begin(), members[a].end(), members[b].begin(), members[b].end(),
                            std::back_inserter(both));
      if (!both.empty()) expected[d.networks()[a].id + "+" + d.networks()[b].id] = both.size();
    }
  const Table t = network_overlap(d, geo, {});
  REQUIRE(t.rows() == expected.size());
  const auto ids = pair_ids(t);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    CHECK(static_cast<std::size_t>(integers(t, "shared")[r]) == expected.at(ids[r]));
    if (r > 0) CHECK(reals(t, "jaccard")[r - 1] >= reals(t, "jaccard")[r]);
  }
  // portfolio: the networks column sums to the memberships
  const Table p = portfolio(d, geo, {});
  std::int64_t total = 0;
  for (const auto n : integers(p, "networks")) total += n;
  CHECK(static_cast<std::size_t>(total) == d.memberships().size());
}
