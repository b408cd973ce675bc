#pragma once
// Closeness and harmonic closeness (networkx closeness_centrality, harmonic_centrality).
//   closeness   r = vertices reachable from u (u included), D = Σ d(u, v) over them:
//               (r − 1) / D, and with wf_improved (Wasserman & Faust, networkx's default) scaled
//               by (r − 1)/(n − 1) so that small components do not score high. 0 when D = 0.
//   harmonic    Σ_{v≠u} 1/d(u, v) (unreachable: 0); normalized: divided by n − 1 (networkx does
//               not normalise harmonic centrality: normalized = false matches it).
// Lengths: PathLengths (hops, or weights as distances — affinities need a conversion).
#include <alueverkko/centrality/scores.hpp>
#include <alueverkko/graph/distance.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

namespace alueverkko {

struct ClosenessOptions {
  PathLengths lengths;
  bool wf_improved = true;  // closeness only
  bool normalized = false;  // harmonic only
  int threads = 0;          // 0 = OpenMP's default
};

Scores closeness(const WeightedGraph& graph, const ClosenessOptions& options = {});
Scores harmonic_closeness(const WeightedGraph& graph, const ClosenessOptions& options = {});

}  // namespace alueverkko
