// Degree and strength from the CSR slices; a self-loop (stored once) adds twice to its vertex, as in
// networkx's G.degree.
#include <alueverkko/centrality/degree.hpp>

#include <algorithm>
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

// Whether v has a self-loop: its sorted neighbour list holds v.
bool has_self_loop(const WeightedGraph& graph, WeightedGraph::Vertex v) {
  const auto neighbors = graph.neighbors(v);
  return std::binary_search(neighbors.begin(), neighbors.end(), v);
}

}  // namespace

// From the CSR offsets: O(n), or O(n log d) with self-loops; not a pass over the edges.
Scores degree_centrality(const WeightedGraph& graph, bool normalized) {
  const std::size_t n = graph.vertex_count();
  std::vector<double> values(n);
  const bool self_loops = graph.has_self_loops();
  for (WeightedGraph::Vertex v = 0; v < n; ++v)
    values[v] = static_cast<double>(graph.degree(v) + (self_loops && has_self_loop(graph, v) ? 1 : 0));
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

// Each vertex's contiguous CSR slice of weights.
Scores strength(const WeightedGraph& graph) {
  std::vector<double> values(graph.vertex_count());
  for (WeightedGraph::Vertex v = 0; v < values.size(); ++v) {
    const auto neighbors = graph.neighbors(v);
    const auto weights = graph.neighbor_weights(v);
    double sum = 0;
    if (graph.has_self_loops()) {
      for (std::size_t k = 0; k < neighbors.size(); ++k) sum += neighbors[k] == v ? 2 * weights[k] : weights[k];
    } else {
      for (const double w : weights) sum += w;
    }
    values[v] = sum;
  }
  return make_scores("strength", std::move(values), std::string(to_string(graph.weight_meaning())), "none");
}

}  // namespace alueverkko
