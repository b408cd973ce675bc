// Closeness and harmonic closeness on WeightedGraph: paths::distance_sums through the Boost.Graph
// adaptor (hops or lengths), then networkx 2.8's formulas (closeness.py, harmonic.py).
#include <alueverkko/centrality/closeness.hpp>
#include <alueverkko/graph/boost_graph.hpp>

#include <string>
#include <utility>
#include <vector>

namespace alueverkko {
namespace {

paths::DistanceSums sums_from_every_vertex(const WeightedGraph& graph, const ClosenessOptions& options) {
  return paths::with_lengths(graph, options.lengths, [&](const WeightedGraph& g, auto lengths) {
    return paths::distance_sums(g, lengths, options.threads, options.progress);
  });
}

Scores make_scores(const char* measure, std::vector<double> values, const WeightedGraph& graph,
                   const ClosenessOptions& options, std::string normalization) {
  Scores s;
  s.measure = measure;
  s.values = std::move(values);
  s.metadata = {{"weights", describe(options.lengths, graph.weight_meaning())},
                {"normalization", std::move(normalization)}};
  return s;
}

}  // namespace

Scores closeness(const WeightedGraph& graph, const ClosenessOptions& options) {
  const auto sums = sums_from_every_vertex(graph, options);
  const auto n = static_cast<double>(graph.vertex_count());
  std::vector<double> values(sums.vertex.size(), 0.0);
  for (std::size_t u = 0; u < values.size(); ++u) {
    const auto& sum = sums.vertex[u];
    if (sum.total > 0.0 && n > 1) {  // the same operations in the same order as networkx
      const double others = static_cast<double>(sum.reached) - 1.0;
      values[u] = others / sum.total;
      if (options.wf_improved) values[u] *= others / (n - 1);
    }
  }
  return make_scores("closeness", std::move(values), graph, options,
                     options.wf_improved ? "(r-1)/D times (r-1)/(n-1) (Wasserman-Faust), r = vertices reached "
                                           "(itself included), D = sum of their distances"
                                         : "(r-1)/D, r = vertices reached (itself included), D = sum of their "
                                           "distances");
}

Scores harmonic_closeness(const WeightedGraph& graph, const ClosenessOptions& options) {
  const auto sums = sums_from_every_vertex(graph, options);
  const std::size_t n = graph.vertex_count();
  std::vector<double> values(sums.vertex.size());
  for (std::size_t u = 0; u < values.size(); ++u) values[u] = sums.vertex[u].inverse;
  std::string normalization = "none";
  if (options.normalized) {
    for (double& x : values) x = n > 1 ? x / static_cast<double>(n - 1) : 0.0;
    normalization = "1/(n-1), n = " + std::to_string(n);
  }
  return make_scores("harmonic closeness", std::move(values), graph, options, std::move(normalization));
}

}  // namespace alueverkko
