// Two-mode degree, closeness and betweenness on tiny bipartite fixtures computed by hand with
// Borgatti & Everett's (1997) normalisations, as networkx 2.8's bipartite module applies them
// (the values agree with networkx 2.8.8's output for the same graphs, nodes = the rows).
#include <alueverkko/centrality/two_mode.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace alueverkko;

namespace {

// Rows (actors) A, B, C, D; columns (networks) X, Y, Z. Memberships A-X, B-X, B-Y, C-Y: the path
// A-X-B-Y-C; D and Z have none. Edge ids in that order.
TwoModeGraph fixture() {
  const std::vector<TwoModeEdge> edges{{0, 0}, {1, 0}, {1, 1}, {2, 1}};
  return TwoModeGraph::from_edges({"A", "B", "C", "D"}, {"X", "Y", "Z"}, edges);
}

void check_values(const std::vector<double>& got, const std::vector<double>& expected) {
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("vertex " << i);
    CHECK(got[i] == Approx(expected[i]).margin(1e-12).epsilon(0));
  }
}

}  // namespace

TEST_CASE("two-mode degree: degree over the size of the other side", "[centrality]") {
  const auto g = fixture();
  const auto r = two_mode_degree(g);
  CHECK(r.measure == "two-mode degree");
  // Rows / 3 columns, columns / 4 rows.
  check_values(r.values, {1.0 / 3, 2.0 / 3, 1.0 / 3, 0, 2.0 / 4, 2.0 / 4, 0});
  CHECK(*r.find("weights") == "unweighted");
  REQUIRE(r.find("normalization") != nullptr);

  // Without B-Y (edge 2).
  const std::vector<std::uint8_t> active{1, 1, 0, 1};
  check_values(two_mode_degree(g, active).values, {1.0 / 3, 1.0 / 3, 1.0 / 3, 0, 2.0 / 4, 1.0 / 4, 0});
}

TEST_CASE("two-mode closeness: networkx's bipartite closeness, normalized", "[centrality]") {
  const auto g = fixture();
  // n = 4 rows, m = 3 columns, N = 7 vertices. A row's numerator is m + 2(n−1) = 9, a column's
  // n + 2(m−1) = 8; each is divided by the distance sum and multiplied by (reached − 1)/(N − 1).
  // A: X1 B2 Y3 C4 = 10, reaches 4 others → 9/10·4/6 = 0.6. B: 1+1+2+2 = 6 → 9/6·4/6 = 1.
  // X: A1 B1 Y2 C3 = 7 → 8/7·4/6 = 16/21. D, Z isolated: 0.
  const auto r = two_mode_closeness(g);
  CHECK(r.measure == "two-mode closeness");
  check_values(r.values, {0.6, 1.0, 0.6, 0, 16.0 / 21, 16.0 / 21, 0});
  CHECK(*r.find("weights") == "hops");

  // Without B-Y: components A-X-B and C-Y. The numerator stays the whole graph's minimum, so a
  // vertex of a small component can exceed 1 (C: 9/1·1/6 = 1.5).
  // A: X1 B2 = 3 → 9/3·2/6 = 1; B the same; X: 1+1 = 2 → 8/2·2/6 = 4/3; Y: 8/1·1/6 = 4/3.
  const std::vector<std::uint8_t> active{1, 1, 0, 1};
  check_values(two_mode_closeness(g, active).values, {1.0, 1.0, 1.5, 0, 4.0 / 3, 4.0 / 3, 0});
}

TEST_CASE("two-mode closeness without the isolated vertices equals networkx's path values", "[centrality]") {
  // A-X-B-Y-C alone: n = 3, m = 2, N = 5; rows 6/10, 6/6, 6/10; columns 5/7, 5/7
  // (networkx: 0.6, 1, 0.6, 0.7142857142857143, 0.7142857142857143).
  const std::vector<TwoModeEdge> edges{{0, 0}, {1, 0}, {1, 1}, {2, 1}};
  const auto g = TwoModeGraph::from_edges({"A", "B", "C"}, {"X", "Y"}, edges);
  check_values(two_mode_closeness(g).values, {0.6, 1.0, 0.6, 5.0 / 7, 5.0 / 7});
}

TEST_CASE("two-mode betweenness: raw betweenness over the side's maximum", "[centrality]") {
  const auto g = fixture();
  // Raw (pairs counted once) on the path A-X-B-Y-C: X 1·3 = 3, B 2·2 = 4, Y 3.
  // Maximum for a row (n = 4, m = 3): s, t = divmod(3, 3) = 1, 0 → (9·4 + 3·2·(−2) − 0)/2 = 12.
  // Maximum for a column: p, r = divmod(2, 4) = 0, 2 → (16·1 + 4·1·3 − 2·1)/2 = 13.
  const auto r = two_mode_betweenness(g);
  CHECK(r.measure == "two-mode betweenness");
  check_values(r.values, {0, 4.0 / 12, 0, 0, 3.0 / 13, 3.0 / 13, 0});
  CHECK(*r.find("weights") == "hops");

  // Without B-Y only X lies between A and B: 1/13.
  const std::vector<std::uint8_t> active{1, 1, 0, 1};
  check_values(two_mode_betweenness(g, active).values, {0, 0, 0, 0, 1.0 / 13, 0, 0});
  // One thread and two agree.
  check_values(two_mode_betweenness(g, {}, 1).values, two_mode_betweenness(g, {}, 2).values);

  // The path alone: n = 3, m = 2: row maximum 4, column maximum 5 (networkx: 0, 1, 0, 0.6, 0.6).
  const std::vector<TwoModeEdge> edges{{0, 0}, {1, 0}, {1, 1}, {2, 1}};
  const auto path = TwoModeGraph::from_edges({"A", "B", "C"}, {"X", "Y"}, edges);
  check_values(two_mode_betweenness(path).values, {0, 1, 0, 0.6, 0.6});
}

TEST_CASE("two-mode measures: one-sided and empty graphs", "[centrality]") {
  // Two rows in one column: the rows' maximum betweenness is 0 (networkx divides 0 by 0), ours 0;
  // the column lies between the two rows: raw 1, maximum for the column (n = 1, m = 2): 1.
  const std::vector<TwoModeEdge> edges{{0, 0}, {1, 0}};
  const auto g = TwoModeGraph::from_edges({"A", "B"}, {"X"}, edges);
  check_values(two_mode_betweenness(g).values, {0, 0, 1});
  check_values(two_mode_degree(g).values, {1, 1, 1});
  // A: X1 B2 = 3, numerator m + 2(n−1) = 3 → 1; X: 2, numerator n + 2(m−1) = 2 → 1.
  check_values(two_mode_closeness(g).values, {1, 1, 1});

  // No columns: every value 0 (networkx divides by the empty side's size).
  const auto rows_only = TwoModeGraph::from_edges({"A", "B"}, {}, {});
  check_values(two_mode_degree(rows_only).values, {0, 0});
  check_values(two_mode_closeness(rows_only).values, {0, 0});
  check_values(two_mode_betweenness(rows_only).values, {0, 0});

  const TwoModeGraph empty = TwoModeGraph::from_edges({}, {}, {});
  CHECK(two_mode_degree(empty).values.empty());
  CHECK(two_mode_closeness(empty).values.empty());
  CHECK(two_mode_betweenness(empty).values.empty());

  // Activity flags must cover every membership.
  const std::vector<std::uint8_t> short_flags{1};
  CHECK_THROWS_AS(two_mode_degree(g, short_flags), std::invalid_argument);
  CHECK_THROWS_AS(two_mode_closeness(g, short_flags), std::invalid_argument);
  CHECK_THROWS_AS(two_mode_betweenness(g, short_flags), std::invalid_argument);
}
