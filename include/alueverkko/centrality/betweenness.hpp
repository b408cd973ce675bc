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
// Threads: results for 1 and N threads agree up to floating-point summation order (relative
// differences of order 1e-15·n).
#include <alueverkko/centrality/scores.hpp>
#include <alueverkko/graph/distance.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <cstdint>

namespace alueverkko {

struct BetweennessOptions {
  PathLengths lengths;
  bool normalized = true;
  bool endpoints = false;
  std::size_t samples = 0;  // 0 = exact (every vertex a source)
  std::uint64_t seed = 0;
  int threads = 0;          // 0 = OpenMP's default
};

Scores betweenness(const WeightedGraph& graph, const BetweennessOptions& options = {});
// One value per edge id (see WeightedGraph::edge_source/edge_target).
Scores edge_betweenness(const WeightedGraph& graph, const BetweennessOptions& options = {});

}  // namespace alueverkko
