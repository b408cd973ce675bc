#pragma once
// Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008), maximising the
// modularity of modularity.hpp, step for step as networkx 2.8's `louvain_communities`:
//   1. local moving: the vertices, in one seeded random order per level, each move to the
//      neighbouring community with the largest modularity gain (only a strictly positive gain
//      moves; ties go to the first neighbour community met); sweeps repeat until none moves;
//   2. aggregation: each community becomes a vertex (inner weight as a self-loop);
//   repeated while a level raises Q by more than `threshold` (networkx's 1e-7). The partition of
//   the last level is kept, even when its gain was below the threshold (as networkx does).
// That run is networkx's algorithm (`iterations = 1`). By default runs repeat, each from the
// previous partition (its vertices moving again, then aggregation), until a run raises Q by at
// most `threshold`: Q never falls, and a vertex left badly placed by a late merge moves.
// Random order: std::mt19937_64 seeded with `seed`, a Fisher–Yates shuffle drawing
// rng() % (i + 1): the same partition for the same seed on every platform.
// Louvain's known defect: a community can end up disconnected (leiden.hpp repairs it).
// Metadata: "weights" ("affinity" or "unweighted"), "resolution", "threshold", "seed",
// "iterations" (runs), "levels" (of the last run).
// Throws std::invalid_argument for a distance graph when weighted, a negative or non-finite
// resolution, or a negative or non-finite threshold.
#include <alueverkko/community/modularity.hpp>

#include <cstddef>
#include <cstdint>

namespace alueverkko {

struct LouvainOptions {
  double resolution = 1.0;  // γ: larger → more, smaller communities
  double threshold = 1e-7;  // minimum gain of Q for another level
  std::uint64_t seed = 0;
  std::size_t iterations = 0;  // 0: until a run gains at most `threshold`; 1: networkx's single run
  bool weighted = true;
};

Communities louvain(const WeightedGraph& graph, const LouvainOptions& options = {});

}  // namespace alueverkko
