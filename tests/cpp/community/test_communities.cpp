// Community detection: modularity computed by hand on small fixtures and on Zachary's karate club,
// Louvain and Leiden recovering planted structure, determinism for a seed, connected Leiden
// communities, canonical numbering and the refusals. networkx and igraph are the oracles of
// tests/python/test_communities.py.
#include <alueverkko/community/leiden.hpp>
#include <alueverkko/community/louvain.hpp>
#include <alueverkko/community/modularity.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace alueverkko;

namespace {

using Membership = std::vector<std::uint32_t>;

WeightedGraph graph(std::size_t n, const std::vector<WeightedEdge>& edges,
                    WeightMeaning meaning = WeightMeaning::affinity) {
  return WeightedGraph::from_edges(n, edges, meaning);
}

// Two 4-cliques {0,1,2,3} and {4,5,6,7} joined by the edge 3–4.
WeightedGraph two_cliques() {
  std::vector<WeightedEdge> edges;
  for (std::uint32_t base : {0u, 4u})
    for (std::uint32_t u = 0; u < 4; ++u)
      for (std::uint32_t v = u + 1; v < 4; ++v) edges.push_back({base + u, base + v, 1.0});
  edges.push_back({3, 4, 1.0});
  return graph(8, edges);
}

// Zachary's karate club, unweighted (networkx's karate_club_graph without its weights).
WeightedGraph karate() {
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs = {
      {0, 1},   {0, 2},   {0, 3},   {0, 4},   {0, 5},   {0, 6},   {0, 7},   {0, 8},   {0, 10},  {0, 11},
      {0, 12},  {0, 13},  {0, 17},  {0, 19},  {0, 21},  {0, 31},  {1, 2},   {1, 3},   {1, 7},   {1, 13},
      {1, 17},  {1, 19},  {1, 21},  {1, 30},  {2, 3},   {2, 7},   {2, 8},   {2, 9},   {2, 13},  {2, 27},
      {2, 28},  {2, 32},  {3, 7},   {3, 12},  {3, 13},  {4, 6},   {4, 10},  {5, 6},   {5, 10},  {5, 16},
      {6, 16},  {8, 30},  {8, 32},  {8, 33},  {9, 33},  {13, 33}, {14, 32}, {14, 33}, {15, 32}, {15, 33},
      {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33}, {22, 32}, {22, 33}, {23, 25}, {23, 27}, {23, 29},
      {23, 32}, {23, 33}, {24, 25}, {24, 27}, {24, 31}, {25, 31}, {26, 29}, {26, 33}, {27, 33}, {28, 31},
      {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33}, {32, 33}};
  std::vector<WeightedEdge> edges;
  for (const auto& [u, v] : pairs) edges.push_back({u, v, 1.0});
  return graph(34, edges);
}

// The two factions after the split (networkx's "club" attribute): 1 = the officer's.
Membership karate_factions() {
  Membership m(34, 1);
  for (std::uint32_t v : {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21}) m[v] = 0;
  return m;
}

// A seeded graph of `groups` planted groups of `size`: p_in inside, p_out between, weights 1..3.
WeightedGraph planted(std::uint32_t groups, std::uint32_t size, double p_in, double p_out, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<WeightedEdge> edges;
  const std::uint32_t n = groups * size;
  for (std::uint32_t u = 0; u < n; ++u)
    for (std::uint32_t v = u + 1; v < n; ++v)
      if (unit(rng) < (u / size == v / size ? p_in : p_out)) edges.push_back({u, v, 1.0 + std::floor(3 * unit(rng))});
  return graph(n, edges);
}

// True if every community induces a connected subgraph.
bool communities_connected(const WeightedGraph& g, const Membership& membership) {
  std::vector<bool> seen(g.vertex_count(), false);
  std::set<std::uint32_t> started;
  for (std::uint32_t s = 0; s < g.vertex_count(); ++s) {
    if (seen[s]) continue;
    if (!started.insert(membership[s]).second) return false;  // a second piece of one community
    std::vector<std::uint32_t> stack{s};
    seen[s] = true;
    while (!stack.empty()) {
      const std::uint32_t v = stack.back();
      stack.pop_back();
      for (const std::uint32_t u : g.neighbors(v))
        if (!seen[u] && membership[u] == membership[v]) {
          seen[u] = true;
          stack.push_back(u);
        }
    }
  }
  return true;
}

std::string metadata(const Communities& c, const char* key) {
  const auto* value = c.find(key);
  return value ? *value : "(missing)";
}

}  // namespace

TEST_CASE("modularity of two cliques joined by an edge, by hand", "[community]") {
  const WeightedGraph g = two_cliques();
  // m = 6 + 6 + 1 = 13; strengths 3 (six vertices) and 4 (vertices 3, 4): K = 13 per clique.
  // Cliques: 2 · (6/13 − (13/26)²) = 12/13 − 1/2 = 11/26.
  CHECK(modularity(g, Membership{0, 0, 0, 0, 1, 1, 1, 1}) == Approx(11.0 / 26).epsilon(1e-15));
  // Any ids, in any order: the same partition.
  CHECK(modularity(g, Membership{7, 7, 7, 7, 3, 3, 3, 3}) == Approx(11.0 / 26).epsilon(1e-15));
  // Resolution 0.5: 12/13 − 0.5 · 1/2.
  CHECK(modularity(g, Membership{0, 0, 0, 0, 1, 1, 1, 1}, {0.5, true}) == Approx(12.0 / 13 - 0.25).epsilon(1e-15));
  // One community: 13/13 − 1 = 0. Singletons: −Σ (k/26)² = −(6·9 + 2·16)/676.
  CHECK(modularity(g, Membership(8, 0)) == Approx(0.0).margin(1e-15));
  CHECK(modularity(g, Membership{0, 1, 2, 3, 4, 5, 6, 7}) == Approx(-86.0 / 676).epsilon(1e-15));
}

TEST_CASE("modularity counts a self-loop once in m and L, twice in the strength", "[community]") {
  // Loop 0–0 (2), 0–1 (1), 1–2 (1): m = 4, k = (5, 2, 1). {0}, {1, 2}:
  // 2/4 − (5/8)² + 1/4 − (3/8)² = 3/4 − 34/64 = 0.21875.
  const WeightedGraph g = graph(3, {{0, 0, 2.0}, {0, 1, 1.0}, {1, 2, 1.0}});
  CHECK(modularity(g, Membership{0, 1, 1}) == Approx(0.21875).epsilon(1e-15));
  // Unweighted: m = 3, k = (3, 2, 1): 1/3 − (3/6)² + 1/3 − (3/6)² = 2/3 − 1/2.
  CHECK(modularity(g, Membership{0, 1, 1}, {1.0, false}) == Approx(2.0 / 3 - 0.5).epsilon(1e-15));
}

TEST_CASE("modularity of the karate club's factions and of its best bisection", "[community]") {
  const WeightedGraph g = karate();
  // The factions of the split (networkx's "club"): Q = 0.35823471400394...
  CHECK(modularity(g, karate_factions()) == Approx(0.3582347140039448).epsilon(1e-13));
  // The best two-community division, known as Q ≈ 0.3718, differs from the factions by vertices
  // 8 and 9 exchanging sides; Q = 29/78 (checked with networkx).
  Membership best = karate_factions();
  best[8] = 1;
  best[9] = 0;
  CHECK(modularity(g, best) == Approx(29.0 / 78).epsilon(1e-13));
}

TEST_CASE("Louvain and Leiden find the two cliques", "[community]") {
  const WeightedGraph g = two_cliques();
  for (std::uint64_t seed : {0u, 1u, 2u, 3u, 42u}) {
    const Communities found[] = {louvain(g, {.seed = seed}), leiden(g, {.seed = seed})};
    for (const Communities& c : found) {
      INFO(c.method << " seed " << seed);
      CHECK(c.membership == Membership{0, 0, 0, 0, 1, 1, 1, 1});
      CHECK(c.count == 2);
      CHECK(c.sizes() == std::vector<std::size_t>{4, 4});
      CHECK(c.modularity == Approx(11.0 / 26).epsilon(1e-15));
      CHECK(metadata(c, "seed") == std::to_string(seed));
      CHECK(metadata(c, "weights") == "affinity");
    }
  }
}

TEST_CASE("Louvain and Leiden on the karate club reach the known optimum region", "[community]") {
  const WeightedGraph g = karate();
  // The maximum modularity of the karate club is 0.4197896120973 (four communities; Brandes et al. 2008).
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const Communities lv = louvain(g, {.seed = seed});
    const Communities ld = leiden(g, {.seed = seed});
    CHECK(lv.modularity > 0.40);
    CHECK(lv.modularity <= 0.4197896120973 + 1e-12);
    CHECK(ld.modularity > 0.41);
    CHECK(ld.modularity <= 0.4197896120973 + 1e-12);
    CHECK(ld.modularity == Approx(modularity(g, ld.membership)).epsilon(1e-15));
    CHECK(communities_connected(g, ld.membership));
  }
}

TEST_CASE("a seed determines the partition", "[community]") {
  const WeightedGraph g = planted(5, 20, 0.3, 0.05, 7);
  for (std::uint64_t seed : {1u, 99u}) {
    CHECK(louvain(g, {.seed = seed}).membership == louvain(g, {.seed = seed}).membership);
    CHECK(leiden(g, {.seed = seed}).membership == leiden(g, {.seed = seed}).membership);
  }
}

TEST_CASE("planted groups are recovered, Leiden's communities are connected", "[community]") {
  for (std::uint64_t graph_seed = 1; graph_seed <= 5; ++graph_seed) {
    const WeightedGraph g = planted(4, 25, 0.4, 0.02, graph_seed);
    Membership truth(100);
    for (std::uint32_t v = 0; v < 100; ++v) truth[v] = v / 25;
    const double planted_q = modularity(g, truth);
    for (std::uint64_t seed = 0; seed < 3; ++seed) {
      INFO("graph " << graph_seed << " seed " << seed);
      const Communities lv = louvain(g, {.seed = seed});
      const Communities ld = leiden(g, {.seed = seed});
      CHECK(lv.modularity >= planted_q - 1e-12);
      CHECK(ld.modularity >= planted_q - 1e-12);
      CHECK(ld.count == 4);
      CHECK(canonical_membership(ld.membership) == canonical_membership(truth));
      CHECK(communities_connected(g, ld.membership));
    }
  }
  // Sparse graphs with many small communities and isolated vertices.
  for (std::uint64_t graph_seed = 10; graph_seed < 20; ++graph_seed) {
    const WeightedGraph g = planted(20, 8, 0.25, 0.01, graph_seed);
    const Communities ld = leiden(g, {.seed = graph_seed});
    CHECK(communities_connected(g, ld.membership));
  }
}

TEST_CASE("resolution: larger gives more communities", "[community]") {
  const WeightedGraph g = karate();
  const Communities coarse = leiden(g, {.resolution = 0.5, .seed = 1});
  const Communities fine = leiden(g, {.resolution = 2.0, .seed = 1});
  CHECK(coarse.count < fine.count);
  CHECK(fine.modularity == Approx(modularity(g, fine.membership, {2.0, true})).epsilon(1e-15));
  CHECK(metadata(fine, "resolution") == "2");
  // γ = 0 rewards only inner weight: one community per connected component.
  const WeightedGraph two = graph(5, {{0, 1, 1.0}, {1, 2, 1.0}, {3, 4, 1.0}});
  CHECK(louvain(two, {.resolution = 0.0}).membership == Membership{0, 0, 0, 1, 1});
  CHECK(leiden(two, {.resolution = 0.0}).membership == Membership{0, 0, 0, 1, 1});
}

TEST_CASE("Louvain runs: the first is networkx's, more never lower Q", "[community]") {
  const WeightedGraph g = planted(6, 15, 0.3, 0.06, 4);
  for (std::uint64_t seed = 0; seed < 5; ++seed) {
    const Communities once = louvain(g, {.seed = seed, .iterations = 1});
    const Communities repeated = louvain(g, {.seed = seed});
    CHECK(metadata(once, "iterations") == "1");
    // The first run draws the same random numbers either way.
    CHECK(repeated.modularity >= once.modularity - 1e-15);
  }
}

TEST_CASE("Leiden iterations: until stable, or as many as asked", "[community]") {
  const WeightedGraph g = planted(5, 20, 0.3, 0.05, 3);
  const Communities stable = leiden(g, {.seed = 5});
  CHECK(std::stoul(metadata(stable, "iterations")) >= 1);
  const Communities once = leiden(g, {.seed = 5, .iterations = 1});
  CHECK(metadata(once, "iterations") == "1");
  CHECK(once.modularity <= stable.modularity + 1e-12);
  CHECK(metadata(stable, "randomness") == "0.01");
}

TEST_CASE("communities are numbered by size, then by smallest vertex", "[community]") {
  CHECK(canonical_membership(Membership{5, 5, 2, 9, 2, 2}) == Membership{1, 1, 0, 2, 0, 0});
  CHECK(canonical_membership(Membership{3, 1, 3, 1}) == Membership{0, 1, 0, 1});
  CHECK(canonical_membership(Membership{}).empty());
  Communities c;
  c.membership = {0, 0, 1};
  c.count = 2;
  const WeightedGraph g = WeightedGraph::from_edges(3, std::vector<WeightedEdge>{{0, 1, 1.0}}, WeightMeaning::affinity,
                                                    {"Espoo", "Helsinki", "Vantaa"});
  const Table t = communities_table(g, c);
  CHECK(std::get<Table::Strings>(t.column("id").values) == Table::Strings{"Espoo", "Helsinki", "Vantaa"});
  CHECK(std::get<Table::Integers>(t.column("community").values) == Table::Integers{0, 0, 1});
}

TEST_CASE("graphs without weight: singletons, Q undefined", "[community]") {
  const WeightedGraph none = graph(3, {});
  for (const Communities& c : {louvain(none), leiden(none)}) {
    CHECK(c.membership == Membership{0, 1, 2});
    CHECK(c.count == 3);
    CHECK(std::isnan(c.modularity));
  }
  const WeightedGraph empty = graph(0, {});
  CHECK(louvain(empty).membership.empty());
  CHECK(leiden(empty).count == 0);
  CHECK(std::isnan(modularity(graph(2, {{0, 1, 0.0}}), Membership{0, 1})));
}

TEST_CASE("distances are refused unless unweighted; bad options are refused", "[community]") {
  const WeightedGraph d = graph(4, {{0, 1, 2.0}, {2, 3, 5.0}}, WeightMeaning::distance);
  CHECK_THROWS_AS(modularity(d, Membership{0, 0, 1, 1}), std::invalid_argument);
  CHECK_THROWS_AS(louvain(d), std::invalid_argument);
  CHECK_THROWS_AS(leiden(d), std::invalid_argument);
  const Communities c = leiden(d, {.weighted = false});
  CHECK(c.membership == Membership{0, 0, 1, 1});
  CHECK(metadata(c, "weights") == "unweighted");
  CHECK(louvain(d, {.weighted = false}).membership == Membership{0, 0, 1, 1});

  const WeightedGraph g = two_cliques();
  CHECK_THROWS_AS(modularity(g, Membership{0, 1}), std::invalid_argument);
  CHECK_THROWS_AS(modularity(g, Membership(8, 0), {-1.0, true}), std::invalid_argument);
  CHECK_THROWS_AS(louvain(g, {.resolution = std::nan("")}), std::invalid_argument);
  CHECK_THROWS_AS(louvain(g, {.threshold = -1.0}), std::invalid_argument);
  CHECK_THROWS_AS(leiden(g, {.randomness = 0.0}), std::invalid_argument);
}
