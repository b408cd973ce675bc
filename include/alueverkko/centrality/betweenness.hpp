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

// Brandes' backward pass for the source of the search's last run: adds the dependency δ_s(v) to
// vertex_sums[v] for every v ≠ s reached, and σ_sv/σ_sw · (1 + δ_s(w)) to edge_sums[index of e]
// for every DAG edge e from v to its successor w (skipped when edge_sums is empty). With
// endpoints, v also gains 1 and s the number of other vertices reached (networkx's
// _accumulate_endpoints). It reads the DAG the search recorded: after a BFS, each vertex pulls
// (1 + δ_s(w)) / σ_sw from its successors and sums it in a register; after Dijkstra, each vertex
// pushes its share to its predecessors. `buffer` holds one value per vertex; the pull writes each
// entry before reading it, the push needs zeros and leaves zeros.
template <class Search, class EdgeIndexMap>
void brandes_accumulate(const Search& search, EdgeIndexMap edge_index, bool endpoints, std::vector<double>& buffer,
                        std::span<double> vertex_sums, std::span<double> edge_sums) {
  const auto order = search.order();
  const auto source = order.front();
  double* const values = buffer.data();
  if (endpoints) vertex_sums[source] += static_cast<double>(order.size() - 1);
  for (auto i = order.size(); i-- > 0;) {
    const auto v = order[i];
    const double paths_v = search.paths(v);
    double delta;
    if constexpr (Search::hops) {  // values[w] = (1 + δ_s(w)) / σ_sw
      double pulled = 0.0;
      search.for_each_successor(i, [&](const auto& e, auto w) {
        pulled += values[w];
        if (!edge_sums.empty()) edge_sums[get(edge_index, e)] += paths_v * values[w];
      });
      delta = paths_v * pulled;
      values[v] = (1.0 + delta) / paths_v;
    } else {  // values[v] = δ_s(v), complete once every successor has pushed
      delta = std::exchange(values[v], 0.0);
      const double share = (1.0 + delta) / paths_v;
      search.for_each_predecessor(i, [&](const auto& e, auto u) {
        const double c = search.paths(u) * share;
        if (!edge_sums.empty()) edge_sums[get(edge_index, e)] += c;
        values[u] += c;
      });
    }
    if (v != source) vertex_sums[v] += endpoints ? delta + 1.0 : delta;
  }
}

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
    std::vector<double> buffer;
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
        brandes_accumulate(work.search, edge_index, endpoints, work.buffer, block.vertex, block.edge);
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
