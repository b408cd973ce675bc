#pragma once
// Modularity of a partition, and what every community detection (louvain.hpp, leiden.hpp) returns.
//
// For an undirected graph with edge weights w (read as affinities), total weight m = Σ_edges w
// (a self-loop once), strength k_v = Σ incident weights (a self-loop twice) and resolution γ:
//   Q = Σ_c [ L_c / m − γ (K_c / 2m)² ]
// with L_c the weight of the edges inside community c (a self-loop once) and K_c = Σ_{v∈c} k_v:
// networkx 2.8's `community.modularity` for undirected weighted graphs. Q is undefined (NaN) when
// m = 0 (networkx divides by zero). Communities read weights as affinities: a distance graph is
// refused unless `weighted = false` (every edge then weighs 1, as does an edge of weight 0).
#include <alueverkko/graph/weighted_graph.hpp>
#include <alueverkko/io/table.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alueverkko {

struct ModularityOptions {
  double resolution = 1.0;  // γ >= 0, finite
  bool weighted = true;
};

// Q of the partition given as one community id per vertex (any ids, not necessarily 0..k−1).
// Throws std::invalid_argument for a membership of the wrong size, a bad resolution or a
// distance-weighted graph when weighted.
double modularity(const WeightedGraph& graph, std::span<const std::uint32_t> membership,
                  const ModularityOptions& options = {});

// A partition found by a community detection method.
struct Communities {
  std::string method;                     // "louvain", "leiden"
  std::vector<std::uint32_t> membership;  // per vertex: 0..count−1, by size descending, then smallest vertex
  std::size_t count = 0;                  // number of communities
  double modularity = 0.0;                // Q of `membership` (NaN if the graph has no weight)
  // Key → value, in the order set: "weights", "resolution", "seed", "levels", "iterations", …
  std::vector<std::pair<std::string, std::string>> metadata;

  // The value of a metadata key, or nullptr.
  [[nodiscard]] const std::string* find(std::string_view key) const noexcept {
    for (const auto& [k, v] : metadata)
      if (k == key) return &v;
    return nullptr;
  }
  // Number of vertices of each community, descending (index = community id).
  [[nodiscard]] std::vector<std::size_t> sizes() const;
};

// Renumbers communities 0..k−1 by size descending, ties by their smallest vertex: the canonical
// numbering of Communities::membership, so equal partitions compare equal.
std::vector<std::uint32_t> canonical_membership(std::span<const std::uint32_t> membership);

// One row per vertex: `id` (its label) and `community`.
Table communities_table(const WeightedGraph& graph, const Communities& communities);

}  // namespace alueverkko
