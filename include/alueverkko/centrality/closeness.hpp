#pragma once
// Closeness and harmonic closeness (networkx closeness_centrality, harmonic_centrality).
//   closeness   r = vertices reachable from u (u included), D = Σ d(u, v) over them:
//               (r − 1) / D, and with wf_improved (Wasserman & Faust, networkx's default) scaled
//               by (r − 1)/(n − 1) so that small components do not score high. 0 when D = 0.
//   harmonic    Σ_{v≠u} 1/d(u, v) (unreachable: 0); normalized: divided by n − 1 (networkx does
//               not normalise harmonic centrality: normalized = false matches it).
// Lengths: PathLengths (hops, or weights as distances — affinities need a conversion).
// Progress: one task per vertex (a search from it; core/progress.hpp); a callback that returns
// false makes the measure throw Cancelled. Results do not depend on whether a callback is given.
#include <alueverkko/centrality/scores.hpp>
#include <alueverkko/core/progress.hpp>
#include <alueverkko/graph/distance.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <boost/graph/graph_traits.hpp>

#include <cstddef>
#include <vector>

namespace alueverkko {

struct ClosenessOptions {
  PathLengths lengths;
  bool wf_improved = true;  // closeness only
  bool normalized = false;  // harmonic only
  int threads = 0;          // 0 = OpenMP's default
  Progress progress{};      // tasks: the vertices
};

Scores closeness(const WeightedGraph& graph, const ClosenessOptions& options = {});
Scores harmonic_closeness(const WeightedGraph& graph, const ClosenessOptions& options = {});

namespace paths {

// What closeness and harmonic closeness need of the distances from one vertex u.
struct DistanceSum {
  std::size_t reached = 0;  // vertices reachable from u, u included
  double total = 0.0;       // Σ d(u, v) over them
  double inverse = 0.0;     // Σ 1/d(u, v) over those with d > 0 (networkx skips d = 0)
};

struct DistanceSums {
  std::vector<DistanceSum> vertex;
};

// One shortest-path search from every vertex (Graph and LengthMap as ShortestPathSearch), the
// vertices dealt to `threads` threads (0 = OpenMP's default), each with its own search buffers.
// `progress`: as parallel_states.
template <class Graph, class LengthMap>
DistanceSums distance_sums(const Graph& graph, LengthMap lengths, int threads, const Progress& progress = {}) {
  using Vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
  DistanceSums sums{std::vector<DistanceSum>(num_vertices(graph))};
  const double steps = static_cast<double>(sums.vertex.size()) * static_cast<double>(sums.vertex.size() + 2 * num_edges(graph));
  parallel_states(
      sums.vertex.size(), threads_for(threads, steps), [&] { return ShortestPathSearch<Graph, LengthMap, false>(graph, lengths); },
      [&](ShortestPathSearch<Graph, LengthMap, false>& search, std::size_t u) {
        search.run(static_cast<Vertex>(u));
        DistanceSum& sum = sums.vertex[u];  // this task's alone
        sum.reached = search.order().size();
        for (const Vertex v : search.order()) {
          const double d = search.distance(v);
          sum.total += d;
          if (d > 0) sum.inverse += 1.0 / d;
        }
      },
      progress);
  return sums;
}

}  // namespace paths

}  // namespace alueverkko
