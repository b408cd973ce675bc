#pragma once
// The graph Louvain and Leiden work on, level after level: CSR adjacency without self-loops
// (a vertex's own community never counts as a neighbour), each vertex's self-loop weight apart,
// strengths with self-loops twice, and the total weight m of the original graph. Aggregation turns
// communities into vertices, their inner weight into self-loops, so Q is preserved.
#include <alueverkko/community/modularity.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace alueverkko::community_detail {

struct CommunityGraph {
  std::vector<std::uint64_t> offsets;  // size n + 1
  std::vector<std::uint32_t> targets;  // both directions of every non-loop edge
  std::vector<double> weights;
  std::vector<double> self_loops;  // weight of v's self-loop (once)
  std::vector<double> strength;    // k_v: Σ incident weights, self-loop twice
  double total_weight = 0.0;       // m

  [[nodiscard]] std::size_t size() const noexcept { return strength.size(); }

  // Weights as affinities (refusing a distance graph), or every edge 1 when !weighted.
  static CommunityGraph from(const WeightedGraph& graph, bool weighted);
  // Community c of `membership` (ids 0..count−1) becomes vertex c.
  [[nodiscard]] CommunityGraph aggregate(std::span<const std::uint32_t> membership, std::size_t count) const;
  // Q with resolution γ (NaN if m = 0).
  [[nodiscard]] double modularity(std::span<const std::uint32_t> membership, double resolution) const;
};

// Ids (each < membership.size()) renumbered 0..k−1 in order of first appearance; returns k.
std::size_t compact(std::vector<std::uint32_t>& membership);

// A seeded permutation of 0..n−1 (Fisher–Yates with rng() % (i + 1), portable).
std::vector<std::uint32_t> shuffled_vertices(std::size_t n, std::mt19937_64& rng);

// Throws std::invalid_argument unless γ is finite and >= 0.
void check_resolution(double resolution);

// "affinity" or "unweighted", for the metadata.
std::string weights_used(bool weighted);

// Sum of weights from one vertex to each neighbouring community, cleared between vertices in time
// proportional to the communities touched.
class NeighborWeights {
 public:
  explicit NeighborWeights(std::size_t communities) : weight_(communities, 0.0), seen_(communities, false) {}
  void add(std::uint32_t community, double w) {
    if (!seen_[community]) {
      seen_[community] = true;
      order_.push_back(community);
    }
    weight_[community] += w;
  }
  // The communities met, in order of first appearance.
  [[nodiscard]] const std::vector<std::uint32_t>& communities() const noexcept { return order_; }
  [[nodiscard]] double operator[](std::uint32_t community) const noexcept { return weight_[community]; }
  void clear() {
    for (const std::uint32_t c : order_) {
      weight_[c] = 0.0;
      seen_[c] = false;
    }
    order_.clear();
  }

 private:
  std::vector<double> weight_;
  std::vector<bool> seen_;
  std::vector<std::uint32_t> order_;
};

// The public result of a method: `membership` (per original vertex) numbered canonically, the
// count, Q on the original graph `graph` and the metadata given.
Communities finish(std::string method, std::span<const std::uint32_t> membership, const CommunityGraph& graph,
                   double resolution, std::vector<std::pair<std::string, std::string>> metadata);

}  // namespace alueverkko::community_detail
