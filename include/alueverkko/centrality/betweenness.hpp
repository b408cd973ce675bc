#pragma once
// Betweenness centrality of vertices and of edges (Brandes 2001; Brandes 2008 for endpoints and
// edges), exact or estimated from k pivot sources, parallel over sources with per-thread buffers.
//
// Definitions and normalisations are networkx's (betweenness_centrality,
// edge_betweenness_centrality) for undirected graphs:
//   vertex, normalized   Σ_{s≠v≠t} σ_st(v)/σ_st · 1/((n−1)(n−2))   (n ≤ 2: no scaling)
//   vertex, raw          the same sum over unordered pairs {s, t}
//   edge, normalized     Σ_{s≠t} σ_st(e)/σ_st · 1/(n(n−1))          (n ≤ 1: no scaling)
//   edge, raw            the sum over unordered pairs
//   endpoints            s and t count as lying on their own paths (vertex measure only)
//   samples = k > 0      sources drawn without replacement (seeded, reproducible); the sum is
//                        scaled by n/k, an unbiased estimate of the exact value
// Lengths: PathLengths (hops, or weights as distances — affinities need a conversion).
// Threads: the result is the same to the last bit for any number of threads (the sources' sums are
// added in a fixed order: paths::parallel_block_sums).
// Edges of length 0 (neglog's strongest ties) are on shortest paths in one direction only: see
// paths::ShortestPathSearch. networkx's own counts are not well-defined there.
// Progress: one task per source (core/progress.hpp); a callback that returns false makes the
// measure throw Cancelled. Results do not depend on whether a callback is given.
#include <alueverkko/centrality/scores.hpp>
#include <alueverkko/core/progress.hpp>
#include <alueverkko/graph/distance.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/property_map/property_map.hpp>

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace alueverkko {

struct BetweennessOptions {
  PathLengths lengths;
  bool normalized = true;
  bool endpoints = false;
  std::size_t samples = 0;  // 0 = exact (every vertex a source)
  std::uint64_t seed = 0;
  int threads = 0;          // 0 = OpenMP's default
  Progress progress{};      // tasks: the sources
};

// raw (normalized = false) hop-count values are networkx's betweenness_centrality(G,
// normalized=False), the input of e.g. the two-mode normalisation.
Scores betweenness(const WeightedGraph& graph, const BetweennessOptions& options = {});
// One value per edge id (see WeightedGraph::edge_source/edge_target); options.endpoints is not used.
Scores edge_betweenness(const WeightedGraph& graph, const BetweennessOptions& options = {});

namespace paths {

// Brandes' backward pass for the source of the search's last run: adds the dependency δ_s(w) to
// vertex_sums[w] for every w ≠ s reached, and σ_sv/σ_sw · (1 + δ_s(w)) to edge_sums[index of e]
// for every edge e from w to a predecessor v (skipped when edge_sums is empty). With endpoints,
// w also gains 1 and s the number of other vertices reached (networkx's _accumulate_endpoints).
// `delta` holds a 0 for every vertex and is left so.
template <class Search, class EdgeIndexMap>
void brandes_accumulate(const Search& search, EdgeIndexMap edge_index, bool endpoints, std::vector<double>& delta,
                        std::span<double> vertex_sums, std::span<double> edge_sums) {
  const auto order = search.order();
  const auto source = order.front();
  if (endpoints) vertex_sums[source] += static_cast<double>(order.size() - 1);
  for (auto i = order.size(); i-- > 0;) {
    const auto w = order[i];
    const double coefficient = (1.0 + delta[w]) / search.paths(w);
    search.for_each_predecessor(w, [&](const auto& e, auto v) {
      const double c = search.paths(v) * coefficient;
      if (!edge_sums.empty()) edge_sums[get(edge_index, e)] += c;
      delta[v] += c;
    });
    if (w != source) vertex_sums[w] += endpoints ? delta[w] + 1.0 : delta[w];
    delta[w] = 0.0;  // final: every successor of w came before it
  }
}

// Unscaled betweenness: the dependencies of every source in `sources` summed, for undirected
// graphs twice networkx's raw values when every vertex is a source (each pair is seen from both
// ends). `edge` is empty unless with_edges (then one sum per edge index 0..num_edges−1).
struct BrandesSums {
  std::vector<double> vertex, edge;
};

// Graph: IncidenceGraph + VertexListGraph with vertices 0..n−1; LengthMap as ShortestPathSearch;
// EdgeIndexMap: readable edge → 0..num_edges−1, the same for both directions of an edge. Blocks of
// sources are dealt to the threads (0 = OpenMP's default), each with its own search and dependency
// buffers, the blocks' sums added up in block order; `threads` and `progress` as
// parallel_block_sums.
template <class Graph, class LengthMap, class EdgeIndexMap>
BrandesSums brandes_sums(const Graph& graph, LengthMap lengths, EdgeIndexMap edge_index,
                         std::span<const typename boost::graph_traits<Graph>::vertex_descriptor> sources,
                         bool endpoints, bool with_edges, int threads, const Progress& progress = {}) {
  const std::size_t n = num_vertices(graph), m = with_edges ? num_edges(graph) : 0;
  struct Workspace {
    ShortestPathSearch<Graph, LengthMap> search;
    std::vector<double> delta;
  };
  struct Sums {
    std::vector<double> vertex, edge;
  };
  // One search per source: O(n + m) steps.
  const double steps = static_cast<double>(sources.size()) * static_cast<double>(n + 2 * num_edges(graph));
  BrandesSums sums{std::vector<double>(n, 0.0), std::vector<double>(m, 0.0)};
  parallel_block_sums(
      sources.size(), threads_for(threads, steps),
      [&] { return Workspace{{graph, lengths}, std::vector<double>(n, 0.0)}; },
      [&] { return Sums{std::vector<double>(n, 0.0), std::vector<double>(m, 0.0)}; },
      [&](Workspace& work, Sums& block, std::size_t i) {
        work.search.run(sources[i]);
        brandes_accumulate(work.search, edge_index, endpoints, work.delta, block.vertex, block.edge);
      },
      [&](Sums& block) {
        for (std::size_t v = 0; v < n; ++v) sums.vertex[v] += std::exchange(block.vertex[v], 0.0);
        for (std::size_t e = 0; e < m; ++e) sums.edge[e] += std::exchange(block.edge[e], 0.0);
      },
      progress);
  return sums;
}

}  // namespace paths

}  // namespace alueverkko
