// Filters, aggregation and projection on tests/data/valid-mini, with expected values worked out by
// hand from its CSV files (see the comments).
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/graph/collaboration.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>

#include "../valid_mini.hpp"

using namespace alueverkko;

namespace {

using testing::valid_mini;

std::map<std::pair<std::string, std::string>, double> edges_of(const WeightedGraph& g) {
  std::map<std::pair<std::string, std::string>, double> out;
  for (WeightedGraph::EdgeId e = 0; e < g.edge_count(); ++e) {
    auto a = std::string(g.labels()[g.edge_source(e)]), b = std::string(g.labels()[g.edge_target(e)]);
    if (b < a) std::swap(a, b);
    out[{a, b}] = g.edge_weight(e);
  }
  return out;
}

std::size_t count(const std::vector<std::uint8_t>& flags) { return std::accumulate(flags.begin(), flags.end(), std::size_t{0}); }

}  // namespace

TEST_CASE("membership filters", "[graph][filter]") {
  const auto& d = valid_mini().dataset;
  CHECK(count(select_memberships(d, {})) == 12);
  MembershipFilter members;
  members.statuses = {MembershipStatus::member};
  CHECK(count(select_memberships(d, members)) == 8);  // 12 less 638 planned, mk-01 mentioned, tallinn invited, c6 planned
  MembershipFilter tourism;
  tourism.themes = {"TOURISM"};  // only n-meri has "tourism, culture"
  CHECK(count(select_memberships(d, tourism)) == 4);
  MembershipFilter from_2023;
  from_2023.from = PartialDate{2023, 1, 1};
  // n-kasvu ends 2022-06-30: out (5); n-meri: 322's own 2021-2023 and the network's open end overlap (4);
  // n-itameri has no dates (3)
  CHECK(count(select_memberships(d, from_2023)) == 7);
  MembershipFilter until_2020;
  until_2020.to = PartialDate{2020, 0, 0};
  CHECK(count(select_memberships(d, until_2020)) == 3);  // only the undated n-itameri
  MembershipFilter councils;
  councils.actor_kinds = {ActorKind::regional_council};
  CHECK(count(select_memberships(d, councils)) == 1);
}

TEST_CASE("aggregation to regions merges places and lists what it leaves out", "[graph][aggregation]") {
  const auto& [geography, dataset] = valid_mini();
  const auto agg = aggregate(dataset, geography, ActorLevel::region);
  const auto rows = agg.graph.row_labels();
  CHECK(std::vector<std::string>(rows.begin(), rows.end()) == std::vector<std::string>{"01", "02", "tallinn"});
  CHECK(agg.row_is_place == std::vector<bool>{true, true, false});
  CHECK(agg.left_out == std::vector<std::string>{"c6"});
  CHECK(agg.left_out_why == std::vector<std::string>{"no seat municipality"});
  // n-kasvu: Helsinki (lead), Espoo, Porvoo (planned, 0.5), the university (seat 091) and mk-01 all
  // become one membership of 01: member, lead, weight 1. n-meri: 322, 445 (weight 2) and sk-025 → 02.
  REQUIRE(agg.graph.edge_count() == 5);
  std::map<std::pair<std::string, std::string>, TwoModeEdge> by_pair;
  for (const auto& e : agg.graph.edges()) by_pair[{std::string(rows[e.row]), agg.graph.column_labels()[e.column]}] = e;
  CHECK(by_pair.at({"01", "n-kasvu"}).role == MembershipRole::lead);
  CHECK(by_pair.at({"01", "n-kasvu"}).status == MembershipStatus::member);
  CHECK(by_pair.at({"01", "n-kasvu"}).weight == 1.0);
  CHECK(by_pair.at({"02", "n-meri"}).weight == 2.0);
  CHECK(by_pair.at({"tallinn", "n-meri"}).status == MembershipStatus::invited);
  CHECK(by_pair.at({"01", "n-itameri"}).role == MembershipRole::coordinator);  // the council, MK01
}

TEST_CASE("aggregation to municipalities leaves area-wide actors out, with the reason", "[graph][aggregation]") {
  const auto& [geography, dataset] = valid_mini();
  const auto agg = aggregate(dataset, geography, ActorLevel::municipality);
  const auto rows = agg.graph.row_labels();
  // Askola (018) has no membership, so no row.
  CHECK(std::vector<std::string>(rows.begin(), rows.end()) ==
        std::vector<std::string>{"049", "091", "322", "445", "638", "tallinn"});
  CHECK(agg.left_out == std::vector<std::string>{"mk-01", "sk-025", "liitto-01", "c6"});
  CHECK(agg.left_out_why[0] == "stands for the whole region 01");
  CHECK(agg.left_out_why[1] == "stands for the whole sub-region 025");
}

TEST_CASE("projections of the mini data set, by hand", "[graph][projection]") {
  const auto& [geography, dataset] = valid_mini();
  ProjectionOptions count;
  // Municipalities: n-kasvu {091, 049, 638} and n-meri {322, 445, tallinn} give two triangles of
  // weight 1; n-itameri has only tallinn left.
  auto municipal = project_dataset(dataset, geography, ActorLevel::municipality, {}, count);
  const std::map<std::pair<std::string, std::string>, double> triangles{
      {{"049", "091"}, 1}, {{"049", "638"}, 1}, {{"091", "638"}, 1}, {{"322", "445"}, 1}, {{"322", "tallinn"}, 1}, {{"445", "tallinn"}, 1}};
  CHECK(edges_of(municipal.graph) == triangles);
  CHECK(municipal.graph.weight_meaning() == WeightMeaning::affinity);

  ProjectionOptions newman;
  newman.weighting = ProjectionWeighting::newman;  // n_k = 3 in both networks: 1/(3-1) = 0.5
  for (const auto& [pair, w] : edges_of(project_dataset(dataset, geography, ActorLevel::municipality, {}, newman).graph))
    CHECK(w == 0.5);

  ProjectionOptions weighted;
  weighted.use_membership_weights = true;  // Σ w_ik w_jk: Porvoo 0.5, Kemiönsaari and Parainen 2
  const std::map<std::pair<std::string, std::string>, double> products{
      {{"049", "091"}, 1}, {{"049", "638"}, 0.5}, {{"091", "638"}, 0.5}, {{"322", "445"}, 4}, {{"322", "tallinn"}, 2}, {{"445", "tallinn"}, 2}};
  CHECK(edges_of(project_dataset(dataset, geography, ActorLevel::municipality, {}, weighted).graph) == products);

  // Regions: n-meri {02, tallinn}, n-itameri {01, tallinn}; n-kasvu has 01 alone and adds nothing.
  const auto regional = project_dataset(dataset, geography, ActorLevel::region, {}, count);
  CHECK(edges_of(regional.graph) == std::map<std::pair<std::string, std::string>, double>{{{"02", "tallinn"}, 1}, {{"01", "tallinn"}, 1}});
  MembershipFilter members;
  members.statuses = {MembershipStatus::member};  // tallinn was only invited to n-meri
  CHECK(edges_of(project_dataset(dataset, geography, ActorLevel::region, members, count).graph) ==
        std::map<std::pair<std::string, std::string>, double>{{{"01", "tallinn"}, 1}});

  // Networks sharing a region: n-kasvu and n-itameri share 01, n-meri and n-itameri share tallinn.
  const auto networks = project_dataset(dataset, geography, ActorLevel::region, {}, count, true);
  CHECK(edges_of(networks.graph) ==
        std::map<std::pair<std::string, std::string>, double>{{{"n-itameri", "n-kasvu"}, 1}, {{"n-itameri", "n-meri"}, 1}});
}

TEST_CASE("projection refuses what would not fit, before allocating", "[graph][projection]") {
  const auto& [geography, dataset] = valid_mini();
  const auto agg = aggregate(dataset, geography, ActorLevel::actor);
  const auto size = projection_size(agg.graph, ProjectionSide::rows);
  // Pairs within networks: n-kasvu C(5,2) = 10, n-meri C(4,2) = 6, n-itameri C(3,2) = 3 → 19.
  CHECK(size.max_edges == 19);
  CHECK(size.vertices == 12);
  ProjectionOptions options;
  options.max_bytes = size.max_bytes;
  CHECK(project(agg.graph, options).edge_count() == 19);  // no pair shares two networks
  options.max_bytes = size.max_bytes - 1;  // the exact count settles it: 19 edges need max_bytes
  CHECK_THROWS_WITH(project(agg.graph, options), Catch::StartsWith("projection too large: 12 vertices and 19 edges"));
  options.max_bytes = 1000;  // n-kasvu alone needs 10 edges: refused without counting
  CHECK_THROWS_WITH(project(agg.graph, options), Catch::StartsWith("projection too large: 12 vertices and at least 10 edges"));
}

TEST_CASE("projected_edge_count is the edge count project() returns", "[graph][projection]") {
  const auto& [geography, dataset] = valid_mini();
  const auto agg = aggregate(dataset, geography, ActorLevel::actor);
  for (const auto weighting : {ProjectionWeighting::count, ProjectionWeighting::newman, ProjectionWeighting::jaccard,
                               ProjectionWeighting::overlap}) {
    for (const double min_weight : {0.0, 0.3, 1.5}) {
      ProjectionOptions options;
      options.weighting = weighting;
      options.min_weight = min_weight;
      CHECK(projected_edge_count(agg.graph, options) == project(agg.graph, options).edge_count());
      options.onto = ProjectionSide::columns;
      CHECK(projected_edge_count(agg.graph, options) == project(agg.graph, options).edge_count());
    }
  }
}

TEST_CASE("projection guard: a huge projection is refused at once, without counting", "[graph][projection]") {
  // One network of 200,000 members: 2e10 pairs, about 900 GiB. Counting them would take minutes.
  constexpr std::uint32_t members = 200000;
  std::vector<std::string> rows(members), columns{"n"};
  std::vector<TwoModeEdge> edges;
  for (std::uint32_t i = 0; i < members; ++i) {
    rows[i] = std::to_string(i);
    edges.push_back({.row = i, .column = 0});
  }
  const auto graph = TwoModeGraph::from_edges(rows, columns, edges);
  ProjectionOptions options;
  options.max_bytes = std::uint64_t{8} << 30;
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_WITH(project(graph, options), Catch::Contains("at least 19999900000 edges") && Catch::Contains("894.1 GiB"));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}
