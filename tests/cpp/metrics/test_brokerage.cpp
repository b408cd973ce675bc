// Brokerage roles, E–I index, diversity and regions as actors (metrics/brokerage.hpp, diversity.hpp,
// regional_centrality.hpp) on hand-built fixtures, every expected value worked out in the comments,
// and invariants on the bundled idea_call_2021.
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/brokerage.hpp>
#include <alueverkko/metrics/diversity.hpp>
#include <alueverkko/metrics/regional_centrality.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <stdexcept>

using namespace alueverkko;

namespace {

const std::filesystem::path source_dir(ALUEVERKKO_SOURCE_DIR);

const Table::Strings& strings(const Table& t, std::string_view name) { return std::get<Table::Strings>(t.column(name).values); }
const Table::Integers& integers(const Table& t, std::string_view name) { return std::get<Table::Integers>(t.column(name).values); }
const Table::Reals& reals(const Table& t, std::string_view name) { return std::get<Table::Reals>(t.column(name).values); }

// Eight vertices; groups A = {0, 1, 2}, B = {3, 4}, C = {5, 6}; vertex 7 has no group ("").
// Ties: 0–1 (weight 2), 0–2, 0–3 (weight 3), 0–4, 0–5, 0–6, 3–4 (weight 0.5), 0–7, 1–7, and a
// self-loop 5–5; all other weights 1.
WeightedGraph star() {
  const std::vector<WeightedEdge> edges{{0, 1, 2},   {0, 2, 1}, {0, 3, 3}, {0, 4, 1}, {0, 5, 1}, {0, 6, 1},
                                        {3, 4, 0.5}, {0, 7, 1}, {1, 7, 1}, {5, 5, 1}};
  return WeightedGraph::from_edges(8, edges, WeightMeaning::affinity, {"v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7"});
}
const std::vector<std::string> star_groups{"A", "A", "A", "B", "B", "C", "C", ""};

// A data set on tests/data/valid-mini (regions 01 = {018, 049, 091, 638}, 02 = {322, 445}; sub-regions
// 011 = {049, 091}, 015, 025 = {322, 445}):
//   a0 municipality Helsinki (091)    → region 01, sub-region 011
//   a1 university seated in Espoo     → 01, 011
//   a2 company seated in Parainen     → 02, 025
//   a3 regional council for MK02      → 02; no sub-region (it stands for the whole region)
//   a4 group without a seat           → no place
//   a5 foreign organisation (SE)      → "foreign"
// Networks: N1 {a0, a1, a2, a4 (planned)}, N2 {a2, a3, a5}, N3 {a0}.
Dataset hand_dataset() {
  DatasetData data;
  data.metadata.name = "hand";
  const auto actor = [&](std::string id, ActorKind kind, std::string seat, std::string area, std::string country) {
    Actor a;
    a.id = std::move(id);
    a.name = "Actor " + a.id;
    a.kind = kind;
    a.municipality_code = std::move(seat);
    if (!area.empty()) {
      a.area_code = area;
      a.area_level = AreaLevel::region;
      a.area_unit_code = area.substr(2);
    }
    a.country = std::move(country);
    data.actors.push_back(a);
  };
  actor("a0", ActorKind::municipality, "091", "", "FI");
  actor("a1", ActorKind::university, "049", "", "FI");
  actor("a2", ActorKind::company, "445", "", "FI");
  actor("a3", ActorKind::regional_council, "", "MK02", "FI");
  actor("a4", ActorKind::group, "", "", "FI");
  actor("a5", ActorKind::foreign_organisation, "", "", "SE");
  for (const char* id : {"N1", "N2", "N3"}) {
    Network n;
    n.id = id;
    n.name = std::string("Network ") + id;
    data.networks.push_back(n);
  }
  const auto join = [&](std::size_t network, std::size_t a, MembershipStatus status = MembershipStatus::member) {
    Membership m;
    m.network = network;
    m.actor = a;
    m.status = status;
    data.memberships.push_back(m);
  };
  join(0, 0), join(0, 1), join(0, 2), join(0, 4, MembershipStatus::planned);
  join(1, 2), join(1, 3), join(1, 5);
  join(2, 0);
  return Dataset(std::move(data));
}

struct Mini {
  Geography geography = load_geography(source_dir / "tests/data/valid-mini/geography/mini-2021");
  Dataset dataset = hand_dataset();
};
const Mini& mini() {
  static const Mini m;
  return m;
}

struct IdeaCall {
  Geography geography = load_geography(source_dir / "data/geography/fi-2021");
  Dataset dataset = load_dataset(source_dir / "data/collaborations/idea_call_2021", geography);
};
const IdeaCall& idea_call() {
  static const IdeaCall d;
  return d;
}

}  // namespace

TEST_CASE("brokerage roles of a star by hand", "[brokerage]") {
  // Broker v0 (group A) has the grouped neighbours 1, 2 (A), 3, 4 (B), 5, 6 (C): 15 pairs, of which
  // {3, 4} is tied (closed), so 14 open triads (v7 has no group and takes part in none):
  //   coordinator {1,2}                                                  1
  //   itinerant   {5,6} (both C, broker A)                               1
  //   gatekeeper_representative: one end in A, the other in B or C:
  //               {1,3} {1,4} {1,5} {1,6} {2,3} {2,4} {2,5} {2,6}       8
  //   liaison     {3,5} {3,6} {4,5} {4,6}                                4
  // v3 and v4: their neighbours 0 and the other are tied → no open triad. The others have at most one
  // grouped neighbour (v1's other neighbour is v7), and the self-loop of v5 is no triad.
  const Table t = brokerage_roles(star(), star_groups, true);
  REQUIRE(t.rows() == 8);
  CHECK(strings(t, "id")[0] == "v0");
  CHECK(strings(t, "group")[7] == "");
  CHECK(integers(t, "open_triads") == Table::Integers{14, 0, 0, 0, 0, 0, 0, 0});
  CHECK(integers(t, "coordinator")[0] == 1);
  CHECK(integers(t, "itinerant")[0] == 1);
  CHECK(integers(t, "gatekeeper_representative")[0] == 8);
  CHECK(integers(t, "liaison")[0] == 4);
  // Expected under random labels: N = 7 grouped vertices, n_A = 3, n_B = n_C = 2, D = 6·5 = 30; for a
  // broker in A: coordinator 2·1/30, itinerant (2·1 + 2·1)/30 = 4/30, gatekeeper_representative
  // 2·2·4/30 = 16/30, liaison (4² − (3² + 2² + 2² − 3²))/30 = 8/30; times 14 open triads.
  CHECK(reals(t, "coordinator_expected")[0] == Approx(14.0 * 2 / 30));
  CHECK(reals(t, "itinerant_expected")[0] == Approx(14.0 * 4 / 30));
  CHECK(reals(t, "gatekeeper_representative_expected")[0] == Approx(14.0 * 16 / 30));
  CHECK(reals(t, "liaison_expected")[0] == Approx(14.0 * 8 / 30));
  CHECK(reals(t, "liaison_ratio")[0] == Approx(4 / (14.0 * 8 / 30)));
  CHECK(std::isnan(reals(t, "liaison_ratio")[1]));  // no open triads: nothing expected
  CHECK(brokerage_roles(star(), star_groups).columns().size() == 7);
  CHECK_THROWS_AS(brokerage_roles(star(), std::vector<std::string>{"A"}), std::invalid_argument);
}

TEST_CASE("E-I index of a star by hand", "[brokerage]") {
  // Grouped ties (the ones at v7 and the self-loop left out): internal 0–1, 0–2, 3–4; external 0–3,
  // 0–4, 0–5, 0–6. Graph: (4 − 3)/7. A: I = {0–1, 0–2}, E = {0–3, 0–4, 0–5, 0–6} → (4 − 2)/6 = 1/3.
  // B: I = {3–4}, E = {0–3, 0–4} → 1/3. C: E = {0–5, 0–6} → 1.
  const std::vector<std::string> kinds{"uni", "firm", "firm", "firm", "firm", "firm", "firm", "uni"};
  const Table t = ei_index(star(), star_groups, false, kinds, "kind");
  REQUIRE(t.rows() == 6);
  CHECK(strings(t, "scope") == Table::Strings{"graph", "group", "group", "group", "kind", "kind"});
  CHECK(strings(t, "id") == Table::Strings{"all", "A", "B", "C", "firm", "uni"});
  CHECK(integers(t, "vertices") == Table::Integers{7, 3, 2, 2, 6, 1});
  CHECK(reals(t, "ei")[0] == Approx(1.0 / 7));
  CHECK(reals(t, "ei")[1] == Approx(1.0 / 3));
  CHECK(reals(t, "ei")[2] == Approx(1.0 / 3));
  CHECK(reals(t, "ei")[3] == Approx(1.0));
  // Kind "uni" = {v0} (v7 is ungrouped): the ties of v0 → I = 2, E = 4 → 1/3. Kind "firm" = v1..v6:
  // every grouped tie has a firm end: 0–1, 0–2, 3–4 (I), 0–3..0–6 (E) → (4 − 3)/7.
  CHECK(reals(t, "ei")[5] == Approx(1.0 / 3));
  CHECK(reals(t, "ei")[4] == Approx(1.0 / 7));
  // Weighted: I = 2 + 1 + 0.5 = 3.5, E = 3 + 1 + 1 + 1 = 6 → 2.5/9.5.
  const Table w = ei_index(star(), star_groups, true);
  REQUIRE(w.rows() == 4);
  CHECK(reals(w, "internal")[0] == Approx(3.5));
  CHECK(reals(w, "external")[0] == Approx(6));
  CHECK(reals(w, "ei")[0] == Approx(2.5 / 9.5));
  // No ties at all: NaN.
  const auto empty = WeightedGraph::from_edges(2, {}, WeightMeaning::affinity);
  CHECK(std::isnan(reals(ei_index(empty, std::vector<std::string>{"A", "B"}, false), "ei")[0]));
}

TEST_CASE("bridging centrality of a star by hand", "[brokerage]") {
  // Unweighted: x_AA = 2 (0–1, 0–2), x_AB = 2 (0–3, 0–4), x_AC = 2 (0–5, 0–6), x_BB = 1; L = 7.
  // A: L_A = 6, X_A = 4, H = (1/2)² + (1/2)² → diversification 1/2, P = x_AB·x_AC = 4,
  //    intensity 6/7, outward 4/6, bridging = 2·4/49 = (6/7)²(4/6)²(1/2) = 8/49.
  // B: L_B = 3, X_B = 2, one partner → diversification 0, P = 0. C: L_C = 2, X_C = 2, outward 1.
  const Table t = bridging_centrality(star(), star_groups, false);
  REQUIRE(t.rows() == 3);
  CHECK(strings(t, "group") == Table::Strings{"A", "B", "C"});
  CHECK(reals(t, "links") == Table::Reals{6, 3, 2});
  CHECK(reals(t, "external") == Table::Reals{4, 2, 2});
  CHECK(integers(t, "partners") == Table::Integers{2, 1, 1});
  CHECK(reals(t, "intensity")[0] == Approx(6.0 / 7));
  CHECK(reals(t, "outward")[0] == Approx(4.0 / 6));
  CHECK(reals(t, "diversification")[0] == Approx(0.5));
  CHECK(reals(t, "bridging_paths") == Table::Reals{4, 0, 0});
  CHECK(reals(t, "bridging")[0] == Approx(8.0 / 49));
  CHECK(reals(t, "outward")[2] == Approx(1.0));
  // Weighted: x_AB = 3 + 1 = 4, x_AC = 2 → P_A = 8.
  CHECK(reals(bridging_centrality(star(), star_groups, true), "bridging_paths")[0] == Approx(8));
}

TEST_CASE("Blau index and Shannon entropy by hand", "[brokerage]") {
  // Counts 2, 1, 1 → shares 1/2, 1/4, 1/4: Blau = 1 − (1/4 + 1/16 + 1/16) = 0.625;
  // Shannon = ½ ln 2 + 2 · ¼ ln 4 = 1.5 ln 2; evenness = 1.5 ln 2 / ln 3.
  const std::vector<double> counts{2, 1, 0, 1};
  CHECK(blau_index(counts) == Approx(0.625));
  CHECK(shannon_entropy(counts) == Approx(1.5 * std::log(2.0)));
  CHECK(shannon_evenness(counts) == Approx(1.5 * std::log(2.0) / std::log(3.0)));
  CHECK(blau_index(std::vector<double>{5}) == 0);
  CHECK(shannon_entropy(std::vector<double>{}) == 0);
  CHECK(std::isnan(shannon_evenness(std::vector<double>{5})));
  CHECK_THROWS_AS(blau_index(std::vector<double>{-1}), std::invalid_argument);
}

TEST_CASE("actor groups follow aggregate()", "[brokerage]") {
  const auto& m = mini();
  CHECK(actor_groups(m.dataset, m.geography, GroupBy::region) ==
        std::vector<std::string>{"01", "01", "02", "02", "", "foreign"});
  CHECK(actor_groups(m.dataset, m.geography, GroupBy::subregion, Ungrouped::own_group) ==
        std::vector<std::string>{"011", "011", "025", "none", "none", "foreign"});
  CHECK(actor_groups(m.dataset, m.geography, GroupBy::kind) ==
        std::vector<std::string>{"municipality", "university", "company", "regional_council", "group",
                                 "foreign_organisation"});
  for (const auto g : {GroupBy::region, GroupBy::subregion, GroupBy::kind}) CHECK(parse_group_by(to_string(g)) == g);
  CHECK(parse_ungrouped("own-group") == Ungrouped::own_group);
}

TEST_CASE("network diversity of a hand data set", "[brokerage]") {
  const auto& m = mini();
  // N1 {a0 municipality, a1 university, a2 company, a4 group}: 4 kinds of 1 → Blau 3/4, Shannon ln 4,
  //   evenness 1; regions (a4 has none) {01: 2, 02: 1} → Blau 1 − 4/9 − 1/9 = 4/9,
  //   Shannon −(2/3 ln 2/3 + 1/3 ln 1/3).
  // N2 {a2 company, a3 regional_council, a5 foreign_organisation}: Blau 2/3; regions {02: 2, foreign: 1}
  //   → 4/9. N3 {a0}: 0, evenness NaN.
  const Table t = network_diversity(m.dataset, m.geography, {});
  REQUIRE(t.rows() == 3);
  CHECK(integers(t, "members") == Table::Integers{4, 3, 1});
  CHECK(integers(t, "kinds") == Table::Integers{4, 3, 1});
  CHECK(reals(t, "blau_kind")[0] == Approx(0.75));
  CHECK(reals(t, "shannon_kind")[0] == Approx(std::log(4.0)));
  CHECK(reals(t, "evenness_kind")[0] == Approx(1.0));
  CHECK(integers(t, "region_members") == Table::Integers{3, 3, 1});
  CHECK(integers(t, "region_count") == Table::Integers{2, 2, 1});
  CHECK(reals(t, "blau_region")[0] == Approx(4.0 / 9));
  CHECK(reals(t, "shannon_region")[0] == Approx(-(2.0 / 3 * std::log(2.0 / 3) + 1.0 / 3 * std::log(1.0 / 3))));
  CHECK(reals(t, "blau_region")[1] == Approx(4.0 / 9));
  CHECK(reals(t, "blau_kind")[2] == 0);
  CHECK(std::isnan(reals(t, "evenness_region")[2]));
  // a4 as the group "none": N1 {01: 2, 02: 1, none: 1} → 1 − (4 + 1 + 1)/16 = 0.625.
  DiversityOptions own;
  own.ungrouped = Ungrouped::own_group;
  CHECK(reals(network_diversity(m.dataset, m.geography, own), "blau_region")[0] == Approx(0.625));
  // Members only: a4 (planned) drops out of N1 → kinds 3 of 1 → Blau 2/3.
  DiversityOptions members;
  members.filter.statuses = {MembershipStatus::member};
  const Table f = network_diversity(m.dataset, m.geography, members);
  CHECK(integers(f, "members")[0] == 3);
  CHECK(reals(f, "blau_kind")[0] == Approx(2.0 / 3));
  DiversityOptions bad;
  bad.group = GroupBy::kind;
  CHECK_THROWS_AS(network_diversity(m.dataset, m.geography, bad), std::invalid_argument);
}

TEST_CASE("regions as actors on a hand data set", "[brokerage]") {
  const auto& m = mini();
  // Actor projection (count): N1 clique {a0, a1, a2, a4}, N2 clique {a2, a3, a5}; raw degrees a0 3,
  // a1 3, a2 5, a3 2, a4 3, a5 2. Region 01 = {a0, a1}: sum 6, mean 3; 02 = {a2, a3}: sum 7, mean 3.5.
  // Region projection: 01–02 (N1), 02–a5 (N2): degree 01 → 1, 02 → 2.
  // Bridging (a4, a5 left out): a0–a1 inside 01, a2–a3 inside 02, a0–a2 and a1–a2 between: L = 4;
  //   each region L_i = 3, X_i = 2, one partner → diversification 0, bridging 0, intensity 3/4.
  RegionalCentralityOptions o;
  o.measures = {"degree"};
  o.settings.normalized = false;
  const Table t = regional_centrality(m.dataset, m.geography, o);
  REQUIRE(t.rows() == 2);
  CHECK(strings(t, "code") == Table::Strings{"01", "02"});
  CHECK(integers(t, "actors") == Table::Integers{2, 2});
  CHECK(reals(t, "org_sum_degree") == Table::Reals{6, 7});
  CHECK(reals(t, "org_mean_degree") == Table::Reals{3, 3.5});
  CHECK(reals(t, "place_degree") == Table::Reals{1, 2});
  CHECK(reals(t, "links") == Table::Reals{3, 3});
  CHECK(reals(t, "intensity")[0] == Approx(0.75));
  CHECK(reals(t, "outward")[1] == Approx(2.0 / 3));
  CHECK(reals(t, "bridging") == Table::Reals{0, 0});
  o.by = GroupBy::kind;
  CHECK_THROWS_AS(regional_centrality(m.dataset, m.geography, o), std::invalid_argument);
}

TEST_CASE("brokerage options are checked", "[brokerage]") {
  BrokerageOptions o;
  o.group = GroupBy::kind;
  CHECK_THROWS_AS(check_brokerage_options(o), std::invalid_argument);  // kind at the municipality level
  o.level = ActorLevel::actor;
  CHECK_NOTHROW(check_brokerage_options(o));
  o.level = ActorLevel::region;
  o.group = GroupBy::region;
  CHECK_THROWS_AS(check_brokerage_options(o), std::invalid_argument);
  o.level = ActorLevel::subregion;
  o.group = GroupBy::subregion;
  CHECK_THROWS_AS(check_brokerage_options(o), std::invalid_argument);
}

TEST_CASE("brokerage on idea_call_2021", "[brokerage]") {
  const auto& d = idea_call();
  for (const ActorLevel level : {ActorLevel::actor, ActorLevel::municipality}) {
    BrokerageOptions o;
    o.level = level;
    const Table t = brokerage_table(d.dataset, d.geography, o);
    REQUIRE(t.rows() > 0);
    std::int64_t liaisons = 0;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      CHECK(integers(t, "coordinator")[r] + integers(t, "itinerant")[r] + integers(t, "gatekeeper_representative")[r] +
                integers(t, "liaison")[r] ==
            integers(t, "open_triads")[r]);
      liaisons += integers(t, "liaison")[r];
    }
    CHECK(liaisons > 0);
    // Every group's E–I lies in [−1, 1]; the graph's row counts every grouped tie once.
    const Table ei = ei_table(d.dataset, d.geography, o);
    for (const double v : reals(ei, "ei"))
      if (!std::isnan(v)) CHECK((v >= -1 && v <= 1));
  }
  const Table regions = regional_centrality(d.dataset, d.geography, {});
  CHECK(regions.rows() == 19);
  double intensity = 0;
  for (const double v : reals(regions, "intensity")) intensity += v;
  CHECK(intensity >= 1.0);  // inter-regional ties count for both regions
}
