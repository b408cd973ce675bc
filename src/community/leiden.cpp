#include <alueverkko/community/leiden.hpp>

#include "community_graph.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>
#include <stdexcept>

namespace alueverkko {
namespace {

using community_detail::CommunityGraph;
using community_detail::NeighborWeights;

// Quality gains are in igraph's units: ΔH = w(v, C) − γ k_v K_C / 2m, i.e. m · ΔQ.
struct Level {
  const CommunityGraph& g;
  double scale;  // γ / 2m
  std::mt19937_64& rng;

  // Fast local moving from `community` (ids < n, changed in place, compacted at the end);
  // returns the number of communities.
  std::size_t move_vertices(std::vector<std::uint32_t>& community) const {
    const std::size_t n = g.size();
    std::vector<double> total(n, 0.0);
    std::vector<std::uint32_t> members(n, 0);
    for (std::uint32_t v = 0; v < n; ++v) {
      total[community[v]] += g.strength[v];
      ++members[community[v]];
    }
    std::vector<std::uint32_t> empty;  // ids of empty communities, to move a vertex out alone
    for (std::uint32_t c = n; c-- > 0;)
      if (members[c] == 0) empty.push_back(c);
    const std::vector<std::uint32_t> order = community_detail::shuffled_vertices(n, rng);
    std::deque<std::uint32_t> queue(order.begin(), order.end());
    std::vector<bool> queued(n, true);
    NeighborWeights to(n);
    while (!queue.empty()) {
      const std::uint32_t v = queue.front();
      queue.pop_front();
      queued[v] = false;
      const std::uint32_t own = community[v];
      for (std::uint64_t a = g.offsets[v]; a < g.offsets[v + 1]; ++a) to.add(community[g.targets[a]], g.weights[a]);
      const double k = g.strength[v];
      total[own] -= k;
      std::uint32_t best = own;
      double best_gain = to[own] - scale * k * total[own];
      for (const std::uint32_t c : to.communities()) {
        const double gain = to[c] - scale * k * total[c];
        if (gain > best_gain) {
          best_gain = gain;
          best = c;
        }
      }
      // Alone in an empty community the gain is 0 (staying alone is the same choice).
      if (best_gain < 0 && members[own] > 1) {
        best = empty.back();
        empty.pop_back();
      }
      total[best] += k;
      if (best != own) {
        community[v] = best;
        ++members[best];
        if (--members[own] == 0) empty.push_back(own);
        for (std::uint64_t a = g.offsets[v]; a < g.offsets[v + 1]; ++a) {
          const std::uint32_t u = g.targets[a];
          if (!queued[u] && community[u] != best) {
            queued[u] = true;
            queue.push_back(u);
          }
        }
      }
      to.clear();
    }
    return community_detail::compact(community);
  }

  // Refinement of `community` (ids 0..count−1): singletons merged within each community;
  // returns the refined ids, compacted, and their number.
  std::size_t refine(const std::vector<std::uint32_t>& community, std::size_t count, double randomness,
                     std::vector<std::uint32_t>& refined) const {
    const std::size_t n = g.size();
    std::vector<double> community_total(count, 0.0);
    for (std::uint32_t v = 0; v < n; ++v) community_total[community[v]] += g.strength[v];
    // Per refined community: Σ strength, members, weight to the rest of its community.
    refined.resize(n);
    std::iota(refined.begin(), refined.end(), 0u);
    std::vector<double> total = g.strength, external(n, 0.0);
    std::vector<std::uint32_t> members(n, 1);
    for (std::uint32_t v = 0; v < n; ++v)
      for (std::uint64_t a = g.offsets[v]; a < g.offsets[v + 1]; ++a)
        if (community[g.targets[a]] == community[v]) external[v] += g.weights[a];
    const auto well_connected = [&](double outside, double k, double of_community) {
      return outside >= scale * k * (of_community - k);
    };
    NeighborWeights to(n);
    std::vector<std::uint32_t> choices;
    std::vector<double> cumulative;
    for (const std::uint32_t v : community_detail::shuffled_vertices(n, rng)) {
      const std::uint32_t own = refined[v];
      const double k = g.strength[v];
      const double of_community = community_total[community[v]];
      if (members[own] != 1 || !well_connected(external[own], k, of_community)) continue;
      for (std::uint64_t a = g.offsets[v]; a < g.offsets[v + 1]; ++a)
        if (community[g.targets[a]] == community[v]) to.add(refined[g.targets[a]], g.weights[a]);
      // Staying alone (gain 0) or joining a well-connected refined community with gain >= 0.
      choices.assign(1, own);
      std::vector<double> gains(1, 0.0);
      for (const std::uint32_t c : to.communities()) {
        if (!well_connected(external[c], total[c], of_community)) continue;
        const double gain = to[c] - scale * k * total[c];
        if (gain >= 0) {
          choices.push_back(c);
          gains.push_back(gain);
        }
      }
      // P(C) ∝ exp(ΔH_C / θ), taken relative to the largest ΔH so that exp cannot overflow.
      const double top = *std::max_element(gains.begin(), gains.end());
      cumulative.clear();
      double sum = 0.0;
      for (const double gain : gains) cumulative.push_back(sum += std::exp((gain - top) / randomness));
      const double draw = static_cast<double>(rng() >> 11) * 0x1p-53 * sum;
      const std::size_t pick = std::min<std::size_t>(
          std::upper_bound(cumulative.begin(), cumulative.end(), draw) - cumulative.begin(), choices.size() - 1);
      const std::uint32_t chosen = choices[pick];
      if (chosen != own) {
        refined[v] = chosen;
        total[chosen] += k;
        ++members[chosen];
        external[chosen] += external[own] - 2 * to[chosen];
        members[own] = 0;
      }
      to.clear();
    }
    return community_detail::compact(refined);
  }
};

// One iteration of Leiden from `membership` (per original vertex, ids < n); returns the levels.
std::size_t iterate(const CommunityGraph& original, std::vector<std::uint32_t>& membership, const LeidenOptions& o,
                    std::mt19937_64& rng) {
  const double scale = o.resolution / (2 * original.total_weight);
  CommunityGraph aggregated;
  const CommunityGraph* g = &original;
  std::vector<std::uint32_t> vertex(original.size());  // original vertex → vertex of the level
  std::iota(vertex.begin(), vertex.end(), 0u);
  std::vector<std::uint32_t> community = membership, refined;
  std::size_t levels = 0;
  for (;;) {
    const Level level{*g, scale, rng};
    const std::size_t count = level.move_vertices(community);
    ++levels;
    if (count == g->size()) break;  // every community is one vertex
    std::size_t refined_count = level.refine(community, count, o.randomness, refined);
    if (refined_count == g->size()) {  // nothing merged: aggregate the communities themselves (igraph)
      refined = community;
      refined_count = count;
    }
    std::vector<std::uint32_t> initial(refined_count);
    for (std::uint32_t v = 0; v < g->size(); ++v) initial[refined[v]] = community[v];
    for (std::uint32_t& x : vertex) x = refined[x];
    aggregated = g->aggregate(refined, refined_count);
    g = &aggregated;
    community = std::move(initial);
  }
  for (std::uint32_t v = 0; v < membership.size(); ++v) membership[v] = community[vertex[v]];
  return levels;
}

}  // namespace

Communities leiden(const WeightedGraph& graph, const LeidenOptions& options) {
  community_detail::check_resolution(options.resolution);
  if (!std::isfinite(options.randomness) || options.randomness <= 0)
    throw std::invalid_argument("randomness must be a finite number > 0");
  const CommunityGraph original = CommunityGraph::from(graph, options.weighted);
  std::vector<std::uint32_t> membership(original.size());
  std::iota(membership.begin(), membership.end(), 0u);
  std::mt19937_64 rng(options.seed);
  std::size_t iterations = 0, levels = 0;
  // Without weight there is nothing to gain (and Q is undefined): singletons.
  if (original.total_weight > 0) {
    double q = original.modularity(membership, options.resolution);
    for (;;) {
      std::vector<std::uint32_t> next = membership;
      levels = iterate(original, next, options, rng);
      ++iterations;
      const bool changed = canonical_membership(next) != canonical_membership(membership);
      const double next_q = original.modularity(next, options.resolution);
      membership = std::move(next);
      // A change raises Q; stopping when it does not guards against rounding cycles.
      if (!changed || next_q <= q || iterations == options.iterations) break;
      q = next_q;
    }
  }
  return community_detail::finish("leiden", membership, original, options.resolution,
                                  {{"weights", community_detail::weights_used(options.weighted)},
                                   {"resolution", format_real(options.resolution)},
                                   {"randomness", format_real(options.randomness)},
                                   {"seed", std::to_string(options.seed)},
                                   {"iterations", std::to_string(iterations)},
                                   {"levels", std::to_string(levels)}});
}

}  // namespace alueverkko
