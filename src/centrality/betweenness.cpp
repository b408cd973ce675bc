// Betweenness on WeightedGraph: picks the sources, runs paths::brandes_sums through the Boost.Graph
// adaptor (hops or lengths) and scales the sums as networkx 2.8's _rescale and _rescale_e do.
#include <alueverkko/centrality/betweenness.hpp>
#include <alueverkko/graph/boost_graph.hpp>

#include <cstdint>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace alueverkko {
namespace {

using Vertex = WeightedGraph::Vertex;

// An unbiased draw from 0..bound−1, written out (rather than std::uniform_int_distribution, whose
// algorithm is the standard library's choice) so that a seed gives the same sample everywhere.
std::uint64_t draw_below(std::mt19937_64& random, std::uint64_t bound) {
  const std::uint64_t rejected = (0 - bound) % bound;  // 2^64 mod bound: the incomplete last block
  for (;;) {
    const std::uint64_t x = random();
    if (x >= rejected) return x % bound;
  }
}

// Every vertex, or options.samples distinct ones (a partial Fisher–Yates shuffle) when 0 < k < n.
std::vector<Vertex> pick_sources(std::size_t n, const BetweennessOptions& options) {
  std::vector<Vertex> sources(n);
  std::iota(sources.begin(), sources.end(), Vertex{0});
  if (options.samples == 0 || options.samples >= n) return sources;
  std::mt19937_64 random(options.seed);
  for (std::size_t i = 0; i < options.samples; ++i)
    std::swap(sources[i], sources[i + draw_below(random, n - i)]);
  sources.resize(options.samples);
  return sources;
}

// A scale factor and how it was made; no factor: the sums are returned as they are.
struct Scaling {
  std::optional<double> factor;
  std::string normalization;
};

// networkx's _rescale (vertices) and _rescale_e (edges) for undirected graphs; k = sources used
// when sampled. Like networkx, the n/k of sampling applies only when there is a scale at all.
Scaling rescaling(std::size_t n, std::size_t k, bool normalized, bool endpoints, bool edges) {
  Scaling s;
  const auto n_text = ", n = " + std::to_string(n);
  if (normalized) {
    if (edges ? n <= 1 : endpoints ? n < 2 : n <= 2) {
      s.normalization = std::string("none (n <= ") + (edges || endpoints ? "1" : "2") + ")";
      return s;
    }
    const std::uint64_t pairs = edges || endpoints ? n * (n - 1) : (n - 1) * (n - 2);
    s.factor = 1.0 / static_cast<double>(pairs);
    s.normalization = edges || endpoints ? "1/(n(n-1))" : "1/((n-1)(n-2))";
  } else {
    s.factor = 0.5;
    s.normalization = "1/2 (each pair counted once)";
  }
  if (k < n) {
    s.factor = *s.factor * static_cast<double>(n) / static_cast<double>(k);
    s.normalization += " times n/k" + n_text + ", k = " + std::to_string(k);
  } else {
    s.normalization += n_text;
  }
  return s;
}

paths::BrandesSums run(const WeightedGraph& graph, const BetweennessOptions& options,
                       const std::vector<Vertex>& sources, bool edges) {
  return paths::with_lengths(graph, options.lengths, [&](const WeightedGraph& g, auto lengths) {
    return paths::brandes_sums(g, lengths, get(boost::edge_index, g), sources, options.endpoints && !edges, edges,
                               options.threads, options.progress);
  });
}

Scores measure(const WeightedGraph& graph, const BetweennessOptions& options, bool edges) {
  const std::size_t n = graph.vertex_count();
  const auto sources = pick_sources(n, options);
  auto sums = run(graph, options, sources, edges);
  const auto scaling = rescaling(n, sources.size(), options.normalized, options.endpoints && !edges, edges);
  Scores s;
  s.measure = edges ? "edge betweenness" : "betweenness";
  s.values = std::move(edges ? sums.edge : sums.vertex);
  if (scaling.factor)
    for (double& x : s.values) x *= *scaling.factor;
  s.metadata = {{"weights", describe(options.lengths, graph.weight_meaning())},
                {"normalization", scaling.normalization}};
  if (!edges) s.metadata.emplace_back("endpoints", options.endpoints ? "true" : "false");
  if (sources.size() < n) {
    s.metadata.emplace_back("samples", std::to_string(sources.size()));
    s.metadata.emplace_back("seed", std::to_string(options.seed));
  }
  return s;
}

}  // namespace

Scores betweenness(const WeightedGraph& graph, const BetweennessOptions& options) {
  return measure(graph, options, false);
}

Scores edge_betweenness(const WeightedGraph& graph, const BetweennessOptions& options) {
  return measure(graph, options, true);
}

}  // namespace alueverkko
