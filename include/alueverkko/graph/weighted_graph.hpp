#pragma once
// An immutable undirected weighted graph in compressed sparse row (CSR) form: the result of every
// projection and the input of every measure. Each undirected edge {u, v} is stored twice (u→v and
// v→u) with one shared edge id, so per-vertex loops read one contiguous slice and per-edge results
// (edge betweenness) index by edge id. A self-loop is stored once.
//
// Weight meaning is part of the graph: an `affinity` (more = closer, e.g. shared networks) or a
// `distance` (more = farther). Path-based measures need distances and convert affinities only when
// told how (see graph/distance.hpp); nothing converts silently.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alueverkko {

enum class WeightMeaning { affinity, distance };
std::string_view to_string(WeightMeaning meaning) noexcept;

struct WeightedEdge {
  std::uint32_t source = 0, target = 0;
  double weight = 1.0;
};

class WeightedGraph {
 public:
  using Vertex = std::uint32_t;
  using EdgeId = std::uint32_t;

  WeightedGraph() = default;

  // Builds from an undirected edge list over vertices 0..n-1. Parallel edges are merged by summing
  // their weights (the natural reading for affinities; for distances pass each pair once). Weights
  // must be finite and >= 0. `labels` (optional) name the vertices: ids of actors or places.
  static WeightedGraph from_edges(std::size_t vertex_count, std::span<const WeightedEdge> edges,
                                  WeightMeaning meaning, std::vector<std::string> labels = {});

  // Builds from an edge table already in canonical order: endpoints (u, v) with u <= v, strictly
  // increasing by (u, v), one weight per edge (finite, >= 0). Takes the table over without copying
  // it: the fast path of projections, which produce their edges in this order. The CSR is filled on
  // `threads` threads (0 = OpenMP's default).
  static WeightedGraph from_sorted_edges(std::size_t vertex_count, std::vector<std::pair<Vertex, Vertex>> endpoints,
                                         std::vector<double> weights, WeightMeaning meaning,
                                         std::vector<std::string> labels = {}, int threads = 1);

  [[nodiscard]] std::size_t vertex_count() const noexcept { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  [[nodiscard]] std::size_t edge_count() const noexcept { return edge_endpoints_.size(); }
  [[nodiscard]] WeightMeaning weight_meaning() const noexcept { return meaning_; }

  // CSR arrays: the neighbours of v are targets()[offsets()[v] .. offsets()[v+1]), sorted ascending.
  [[nodiscard]] std::span<const std::uint64_t> offsets() const noexcept { return offsets_; }
  [[nodiscard]] std::span<const Vertex> targets() const noexcept { return targets_; }
  [[nodiscard]] std::span<const double> weights() const noexcept { return weights_; }
  [[nodiscard]] std::span<const EdgeId> edge_ids() const noexcept { return edge_ids_; }

  [[nodiscard]] std::span<const Vertex> neighbors(Vertex v) const noexcept {
    return {targets_.data() + offsets_[v], targets_.data() + offsets_[v + 1]};
  }
  [[nodiscard]] std::span<const double> neighbor_weights(Vertex v) const noexcept {
    return {weights_.data() + offsets_[v], weights_.data() + offsets_[v + 1]};
  }
  [[nodiscard]] std::span<const EdgeId> neighbor_edge_ids(Vertex v) const noexcept {
    return {edge_ids_.data() + offsets_[v], edge_ids_.data() + offsets_[v + 1]};
  }
  [[nodiscard]] std::size_t degree(Vertex v) const noexcept { return offsets_[v + 1] - offsets_[v]; }
  // Whether some edge joins a vertex to itself (lets per-vertex loops skip the check when not).
  [[nodiscard]] bool has_self_loops() const noexcept { return self_loops_; }

  // Edge e joins edge_source(e) <= edge_target(e), with weight edge_weight(e).
  [[nodiscard]] Vertex edge_source(EdgeId e) const noexcept { return edge_endpoints_[e].first; }
  [[nodiscard]] Vertex edge_target(EdgeId e) const noexcept { return edge_endpoints_[e].second; }
  [[nodiscard]] double edge_weight(EdgeId e) const noexcept { return edge_weights_[e]; }

  // Vertex names (empty strings when built without labels).
  [[nodiscard]] std::span<const std::string> labels() const noexcept { return labels_; }
  // Vertex with this label, or vertex_count() if none.
  [[nodiscard]] Vertex find(std::string_view label) const noexcept;

  // The same topology with new per-edge weights (indexed by edge id) and meaning, e.g. distances
  // derived from affinities.
  [[nodiscard]] WeightedGraph with_weights(std::vector<double> edge_weights, WeightMeaning meaning) const;

  // Bytes held by the CSR arrays (for size reports and memory guards).
  [[nodiscard]] std::size_t memory_bytes() const noexcept;

 private:
  void build_csr(std::size_t vertex_count, int threads);

  std::vector<std::uint64_t> offsets_;
  // The arcs: filled slot by slot right after they are sized, so sizing leaves them unwritten.
  template <class T>
  struct Unset : std::allocator<T> {
    template <class U>
    struct rebind {
      using other = Unset<U>;
    };
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
      if constexpr (sizeof...(Args) == 0) ::new (static_cast<void*>(p)) U;
      else ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
  };
  std::vector<Vertex, Unset<Vertex>> targets_;
  std::vector<double, Unset<double>> weights_;
  std::vector<EdgeId, Unset<EdgeId>> edge_ids_;
  std::vector<std::pair<Vertex, Vertex>> edge_endpoints_;
  std::vector<double> edge_weights_;
  std::vector<std::string> labels_;
  WeightMeaning meaning_ = WeightMeaning::affinity;
  bool self_loops_ = false;
};

}  // namespace alueverkko
