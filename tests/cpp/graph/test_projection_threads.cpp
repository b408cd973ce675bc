// The parallel projection (chunks of rows on several threads, the CSR's transposition split over
// them) on a graph large enough to use them: the same result, to the last bit, for any number of
// threads, and the weights of a brute-force count of the shared networks.
#include <alueverkko/graph/projection.hpp>
#include <alueverkko/graph/two_mode.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace alueverkko;

namespace {

// 3,000 actors in 600 networks of 2..40 members: about 200,000 pairs, several threads' worth.
TwoModeGraph random_memberships(unsigned seed) {
  std::mt19937 random(seed);
  constexpr std::uint32_t actors = 3000, networks = 600;
  std::vector<TwoModeEdge> edges;
  for (std::uint32_t k = 0; k < networks; ++k) {
    std::set<std::uint32_t> members;
    const std::uint32_t size = 2 + random() % 39;
    while (members.size() < size) members.insert(random() % actors);
    for (const auto a : members) edges.push_back({.row = a, .column = k, .weight = 1.0 + random() % 3});
  }
  std::shuffle(edges.begin(), edges.end(), random);
  std::vector<std::string> rows(actors), columns(networks);
  for (std::uint32_t a = 0; a < actors; ++a) rows[a] = std::to_string(a);
  for (std::uint32_t k = 0; k < networks; ++k) columns[k] = std::to_string(k);
  return TwoModeGraph::from_edges(rows, columns, edges);
}

// Every array of the result, for exact comparison.
struct Arrays {
  std::vector<std::uint64_t> offsets;
  std::vector<WeightedGraph::Vertex> targets;
  std::vector<double> weights;
  std::vector<WeightedGraph::EdgeId> edge_ids;
  bool operator==(const Arrays&) const = default;
};

Arrays arrays_of(const WeightedGraph& g) {
  return {{g.offsets().begin(), g.offsets().end()},
          {g.targets().begin(), g.targets().end()},
          {g.weights().begin(), g.weights().end()},
          {g.edge_ids().begin(), g.edge_ids().end()}};
}

}  // namespace

TEST_CASE("projection: any number of threads gives the same graph, to the last bit", "[graph][projection][determinism]") {
  const TwoModeGraph graph = random_memberships(7);
  REQUIRE(projection_size(graph, ProjectionSide::rows).max_edges > 150'000);  // more than one thread's worth
  for (const auto weighting : {ProjectionWeighting::count, ProjectionWeighting::newman, ProjectionWeighting::jaccard}) {
    for (const bool membership_weights : {false, true}) {
      if (membership_weights && weighting == ProjectionWeighting::jaccard) continue;
      ProjectionOptions options;
      options.weighting = weighting;
      options.use_membership_weights = membership_weights;
      options.threads = 1;
      const Arrays one = arrays_of(project(graph, options));
      for (const int threads : {2, 3, 4}) {
        options.threads = threads;
        CHECK(arrays_of(project(graph, options)) == one);
      }
    }
  }
}

TEST_CASE("projection on several threads: count weights are the shared networks, counted by brute force",
          "[graph][projection]") {
  const TwoModeGraph graph = random_memberships(11);
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> shared;
  for (std::uint32_t k = 0; k < graph.column_count(); ++k) {
    const auto members = graph.column_edges(k);
    for (std::size_t i = 0; i < members.size(); ++i)
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        const auto a = graph.edges()[members[i]].row, b = graph.edges()[members[j]].row;
        shared[{std::min(a, b), std::max(a, b)}] += 1;
      }
  }
  ProjectionOptions options;
  options.threads = 3;
  const WeightedGraph p = project(graph, options);
  REQUIRE(p.edge_count() == shared.size());
  auto expected = shared.begin();
  for (WeightedGraph::EdgeId e = 0; e < p.edge_count(); ++e, ++expected) {
    CHECK(std::pair{p.edge_source(e), p.edge_target(e)} == expected->first);
    CHECK(p.edge_weight(e) == expected->second);
  }
  for (WeightedGraph::Vertex v = 0; v < p.vertex_count(); ++v) {  // each neighbour list ascending, both directions
    const auto neighbors = p.neighbors(v);
    CHECK(std::is_sorted(neighbors.begin(), neighbors.end()));
    for (std::size_t i = 0; i < neighbors.size(); ++i)
      CHECK(shared.at({std::min(v, neighbors[i]), std::max(v, neighbors[i])}) == p.neighbor_weights(v)[i]);
  }
}
