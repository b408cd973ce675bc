#include <alueverkko/community/louvain.hpp>

#include "community_graph.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace alueverkko {
namespace {

using community_detail::CommunityGraph;
using community_detail::NeighborWeights;

// One level of local moving (networkx's _one_level, with its gain formula and tie rule) from
// `community` (ids < n), changed in place and compacted to 0..k−1; returns k.
std::size_t move_vertices(const CommunityGraph& g, std::vector<std::uint32_t>& community, double resolution,
                          std::mt19937_64& rng) {
  const std::size_t n = g.size();
  const double m = g.total_weight;
  std::vector<double> total(n, 0.0);  // Σ strength per community
  for (std::uint32_t v = 0; v < n; ++v) total[community[v]] += g.strength[v];
  const std::vector<std::uint32_t> order = community_detail::shuffled_vertices(n, rng);
  NeighborWeights to(n);
  for (bool moved = true; moved;) {
    moved = false;
    for (const std::uint32_t v : order) {
      for (std::uint64_t a = g.offsets[v]; a < g.offsets[v + 1]; ++a) to.add(community[g.targets[a]], g.weights[a]);
      const double k = g.strength[v];
      std::uint32_t best = community[v];
      total[best] -= k;
      const double remove_cost = -to[best] / m + resolution * (total[best] * k) / (2 * m * m);
      double best_gain = 0.0;
      for (const std::uint32_t c : to.communities()) {
        const double gain = remove_cost + to[c] / m - resolution * (total[c] * k) / (2 * m * m);
        if (gain > best_gain) {
          best_gain = gain;
          best = c;
        }
      }
      total[best] += k;
      if (best != community[v]) {
        community[v] = best;
        moved = true;
      }
      to.clear();
    }
  }
  return community_detail::compact(community);
}

// One run of the levels from `membership` (per original vertex, ids < n), until a level gains at
// most `threshold`; returns the levels.
std::size_t run_levels(const CommunityGraph& original, std::vector<std::uint32_t>& membership,
                       const LouvainOptions& o, std::mt19937_64& rng) {
  std::vector<std::uint32_t> vertex(original.size());  // original vertex → vertex of the level
  std::iota(vertex.begin(), vertex.end(), 0u);
  std::vector<std::uint32_t> community = membership;
  CommunityGraph aggregated;
  const CommunityGraph* level = &original;
  double q = original.modularity(membership, o.resolution);
  std::size_t levels = 0;
  for (;;) {
    const std::size_t count = move_vertices(*level, community, o.resolution, rng);
    for (std::uint32_t v = 0; v < vertex.size(); ++v) membership[v] = community[vertex[v]];
    ++levels;
    const double next_q = level->modularity(community, o.resolution);
    if (next_q - q <= o.threshold) break;
    q = next_q;
    for (std::uint32_t& x : vertex) x = community[x];
    aggregated = level->aggregate(community, count);
    level = &aggregated;
    community.resize(count);
    std::iota(community.begin(), community.end(), 0u);
  }
  return levels;
}

}  // namespace

Communities louvain(const WeightedGraph& graph, const LouvainOptions& options) {
  community_detail::check_resolution(options.resolution);
  if (!std::isfinite(options.threshold) || options.threshold < 0)
    throw std::invalid_argument("threshold must be a finite number >= 0");
  const CommunityGraph original = CommunityGraph::from(graph, options.weighted);
  std::vector<std::uint32_t> membership(original.size());
  std::iota(membership.begin(), membership.end(), 0u);
  std::mt19937_64 rng(options.seed);
  std::size_t iterations = 0, levels = 0;
  // Without weight there is nothing to gain (and Q is undefined): singletons.
  if (original.total_weight > 0) {
    double q = original.modularity(membership, options.resolution);
    for (;;) {
      levels = run_levels(original, membership, options, rng);
      ++iterations;
      const double next_q = original.modularity(membership, options.resolution);
      if (next_q - q <= options.threshold || iterations == options.iterations) break;
      q = next_q;
    }
  }
  return community_detail::finish("louvain", membership, original, options.resolution,
                                  {{"weights", community_detail::weights_used(options.weighted)},
                                   {"resolution", format_real(options.resolution)},
                                   {"threshold", format_real(options.threshold)},
                                   {"seed", std::to_string(options.seed)},
                                   {"iterations", std::to_string(iterations)},
                                   {"levels", std::to_string(levels)}});
}

}  // namespace alueverkko
