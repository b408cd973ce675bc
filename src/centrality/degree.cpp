// Degree and strength from the edge list: each edge adds to both of its ends, so a self-loop
// (stored once) adds twice to its vertex, as in networkx's G.degree.
#include <alueverkko/centrality/degree.hpp>

#include <string>
#include <utility>
#include <vector>

namespace alueverkko {
namespace {

Scores make_scores(const char* measure, std::vector<double> values, std::string weights, std::string normalization) {
  Scores s;
  s.measure = measure;
  s.values = std::move(values);
  s.metadata = {{"weights", std::move(weights)}, {"normalization", std::move(normalization)}};
  return s;
}

// Σ over the edges at each vertex of weight(e), a self-loop's twice.
template <class Weight>
std::vector<double> sum_over_ends(const WeightedGraph& graph, Weight weight) {
  std::vector<double> sums(graph.vertex_count(), 0.0);
  for (WeightedGraph::EdgeId e = 0; e < graph.edge_count(); ++e) {
    const double w = weight(e);
    sums[graph.edge_source(e)] += w;
    sums[graph.edge_target(e)] += w;
  }
  return sums;
}

}  // namespace

Scores degree_centrality(const WeightedGraph& graph, bool normalized) {
  auto values = sum_over_ends(graph, [](WeightedGraph::EdgeId) { return 1.0; });
  const std::size_t n = graph.vertex_count();
  std::string normalization = "none";
  if (normalized && n <= 1) {
    values.assign(n, 1.0);  // networkx's convention for a graph of one vertex
    normalization = "none (n <= 1: 1 by convention)";
  } else if (normalized) {
    const double scale = 1.0 / static_cast<double>(n - 1);  // networkx multiplies by 1/(n-1)
    for (double& x : values) x *= scale;
    normalization = "1/(n-1), n = " + std::to_string(n);
  }
  return make_scores("degree", std::move(values), "unweighted", std::move(normalization));
}

Scores strength(const WeightedGraph& graph) {
  return make_scores("strength", sum_over_ends(graph, [&](WeightedGraph::EdgeId e) { return graph.edge_weight(e); }),
                     std::string(to_string(graph.weight_meaning())), "none");
}

}  // namespace alueverkko
