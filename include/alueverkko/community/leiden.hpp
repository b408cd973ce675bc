#pragma once
// Leiden community detection (Traag, Waltman & van Eck 2019) maximising modularity (modularity.hpp)
// with resolution γ. One iteration, level after level:
//   1. fast local moving: a queue of the vertices in seeded random order; a vertex moves to the
//      neighbouring (or an empty) community of largest gain if that gain is strictly positive, and
//      its neighbours outside the new community rejoin the queue;
//   2. refinement: within each community S, starting from singletons, each well-connected vertex
//      v (w(v, S−v) >= γ k_v (K_S − k_v) / 2m) still alone joins a well-connected refined
//      community C of S (or stays) with probability ∝ exp(ΔH / θ) over the choices with
//      ΔH = w(v, C) − γ k_v K_C / 2m >= 0 (θ = `randomness`; igraph's units and rule);
//   3. aggregation on the refined partition, the unrefined one as the initial partition (if the
//      refinement merged nothing, on the unrefined partition, as igraph does);
//   until after moving every community is a single vertex. Iterations repeat from the previous
//   partition until one changes nothing (or `iterations` have run). Refined communities are
//   connected, so the communities found are connected (unlike Louvain's).
// Random order and choices: std::mt19937_64 seeded with `seed` (rng() % (i + 1) shuffles,
// (rng() >> 11) · 2⁻⁵³ uniforms): the same partition for the same seed on every platform.
// Metadata: "weights", "resolution", "randomness", "seed", "iterations" (run), "levels" (of the
// last iteration).
// Throws std::invalid_argument for a distance graph when weighted, a negative or non-finite
// resolution or a randomness that is not a positive finite number.
#include <alueverkko/community/modularity.hpp>

#include <cstddef>
#include <cstdint>

namespace alueverkko {

struct LeidenOptions {
  double resolution = 1.0;   // γ: larger → more, smaller communities
  double randomness = 0.01;  // θ of the refinement (igraph's beta): larger → more random merges
  std::uint64_t seed = 0;
  std::size_t iterations = 0;  // 0: until an iteration changes nothing
  bool weighted = true;
};

Communities leiden(const WeightedGraph& graph, const LeidenOptions& options = {});

}  // namespace alueverkko
