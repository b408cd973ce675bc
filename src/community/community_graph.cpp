#include "community_graph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace alueverkko::community_detail {

CommunityGraph CommunityGraph::from(const WeightedGraph& graph, bool weighted) {
  if (weighted && graph.weight_meaning() == WeightMeaning::distance)
    throw std::invalid_argument(
        "communities read weights as affinities (more = closer); this graph holds distances: use it unweighted");
  const std::size_t n = graph.vertex_count();
  CommunityGraph out;
  out.offsets.assign(n + 1, 0);
  out.self_loops.assign(n, 0.0);
  out.strength.assign(n, 0.0);
  out.targets.reserve(graph.targets().size());
  out.weights.reserve(graph.targets().size());
  for (WeightedGraph::Vertex v = 0; v < n; ++v) {
    const auto neighbors = graph.neighbors(v);
    const auto weights = graph.neighbor_weights(v);
    for (std::size_t i = 0; i < neighbors.size(); ++i) {
      const double w = weighted ? weights[i] : 1.0;
      if (neighbors[i] == v) {
        out.self_loops[v] += w;
        out.strength[v] += 2 * w;
      } else {
        out.targets.push_back(neighbors[i]);
        out.weights.push_back(w);
        out.strength[v] += w;
      }
    }
    out.offsets[v + 1] = out.targets.size();
  }
  for (std::size_t e = 0; e < graph.edge_count(); ++e)
    out.total_weight += weighted ? graph.edge_weight(static_cast<WeightedGraph::EdgeId>(e)) : 1.0;
  return out;
}

CommunityGraph CommunityGraph::aggregate(std::span<const std::uint32_t> membership, std::size_t count) const {
  // Members of each community, so every community's neighbours are collected in one pass.
  std::vector<std::uint64_t> first(count + 1, 0);
  for (const std::uint32_t c : membership) ++first[c + 1];
  std::partial_sum(first.begin(), first.end(), first.begin());
  std::vector<std::uint32_t> members(size());
  std::vector<std::uint64_t> next(first.begin(), first.end() - 1);
  for (std::uint32_t v = 0; v < size(); ++v) members[next[membership[v]]++] = v;

  CommunityGraph out;
  out.total_weight = total_weight;
  out.offsets.assign(count + 1, 0);
  out.self_loops.assign(count, 0.0);
  out.strength.assign(count, 0.0);
  NeighborWeights to(count);
  for (std::uint32_t c = 0; c < count; ++c) {
    for (std::uint64_t i = first[c]; i < first[c + 1]; ++i) {
      const std::uint32_t v = members[i];
      out.self_loops[c] += self_loops[v];
      out.strength[c] += strength[v];
      for (std::uint64_t a = offsets[v]; a < offsets[v + 1]; ++a) {
        const std::uint32_t d = membership[targets[a]];
        // An inner edge is met from both ends: half its weight each time (exact in binary).
        if (d == c)
          out.self_loops[c] += weights[a] / 2;
        else
          to.add(d, weights[a]);
      }
    }
    for (const std::uint32_t d : to.communities()) {
      out.targets.push_back(d);
      out.weights.push_back(to[d]);
    }
    to.clear();
    out.offsets[c + 1] = out.targets.size();
  }
  return out;
}

double CommunityGraph::modularity(std::span<const std::uint32_t> membership, double resolution) const {
  if (total_weight == 0.0) return std::numeric_limits<double>::quiet_NaN();
  const std::uint32_t count = membership.empty() ? 0 : *std::max_element(membership.begin(), membership.end()) + 1;
  std::vector<double> inner(count, 0.0), total(count, 0.0);
  for (std::uint32_t v = 0; v < size(); ++v) {
    const std::uint32_t c = membership[v];
    total[c] += strength[v];
    inner[c] += self_loops[v];
    for (std::uint64_t a = offsets[v]; a < offsets[v + 1]; ++a)
      if (membership[targets[a]] == c) inner[c] += weights[a] / 2;
  }
  const double m = total_weight;
  double q = 0.0;
  for (std::uint32_t c = 0; c < count; ++c) {
    const double share = total[c] / (2 * m);
    q += inner[c] / m - resolution * share * share;
  }
  return q;
}

std::size_t compact(std::vector<std::uint32_t>& membership) {
  std::vector<std::uint32_t> id(membership.size(), std::numeric_limits<std::uint32_t>::max());
  std::uint32_t count = 0;
  for (std::uint32_t& c : membership) {
    if (id[c] == std::numeric_limits<std::uint32_t>::max()) id[c] = count++;
    c = id[c];
  }
  return count;
}

std::vector<std::uint32_t> shuffled_vertices(std::size_t n, std::mt19937_64& rng) {
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  // std::shuffle's draws differ between standard libraries; this one is the same everywhere.
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
  return order;
}

void check_resolution(double resolution) {
  if (!std::isfinite(resolution) || resolution < 0)
    throw std::invalid_argument("resolution must be a finite number >= 0, got " + std::to_string(resolution));
}

std::string weights_used(bool weighted) { return weighted ? "affinity" : "unweighted"; }

Communities finish(std::string method, std::span<const std::uint32_t> membership, const CommunityGraph& graph,
                   double resolution, std::vector<std::pair<std::string, std::string>> metadata) {
  Communities out;
  out.method = std::move(method);
  out.membership = canonical_membership(membership);
  out.count = out.membership.empty() ? 0 : *std::max_element(out.membership.begin(), out.membership.end()) + 1;
  out.modularity = graph.modularity(out.membership, resolution);
  out.metadata = std::move(metadata);
  return out;
}

}  // namespace alueverkko::community_detail
