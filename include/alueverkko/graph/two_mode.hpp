#pragma once
// The two-mode (bipartite) collaboration graph: rows are actors (or places, after aggregation),
// columns are networks, and each membership is an edge carrying status, role, weight and period.
// Stored as CSR in both directions (row → columns, column → rows), so projections onto either
// side read contiguous slices.
#include <alueverkko/data/model.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace alueverkko {

class Dataset;

// One membership as a plain record (for building from edge lists, pandas or networkx).
struct TwoModeEdge {
  std::uint32_t row = 0, column = 0;
  double weight = 1.0;
  MembershipStatus status = MembershipStatus::member;
  MembershipRole role = MembershipRole::none;
};

class TwoModeGraph {
 public:
  using Index = std::uint32_t;
  using EdgeId = std::uint32_t;

  TwoModeGraph() = default;

  // Rows and columns are named by `row_labels` / `column_labels`. A (row, column) pair given twice
  // is an error (a membership is recorded once). Weights must be finite and >= 0.
  static TwoModeGraph from_edges(std::vector<std::string> row_labels, std::vector<std::string> column_labels,
                                 std::span<const TwoModeEdge> edges);

  // Actors × networks of a data set, every membership, in data-set order (edge id = membership index).
  static TwoModeGraph from_dataset(const Dataset& dataset);

  [[nodiscard]] std::size_t row_count() const noexcept { return row_offsets_.empty() ? 0 : row_offsets_.size() - 1; }
  [[nodiscard]] std::size_t column_count() const noexcept { return column_offsets_.empty() ? 0 : column_offsets_.size() - 1; }
  [[nodiscard]] std::size_t edge_count() const noexcept { return edges_.size(); }

  [[nodiscard]] std::span<const std::string> row_labels() const noexcept { return row_labels_; }
  [[nodiscard]] std::span<const std::string> column_labels() const noexcept { return column_labels_; }
  [[nodiscard]] std::span<const TwoModeEdge> edges() const noexcept { return edges_; }

  // Edge ids of a row's memberships, sorted by column; of a column's, sorted by row.
  [[nodiscard]] std::span<const EdgeId> row_edges(Index row) const noexcept {
    return {row_edge_ids_.data() + row_offsets_[row], row_edge_ids_.data() + row_offsets_[row + 1]};
  }
  [[nodiscard]] std::span<const EdgeId> column_edges(Index column) const noexcept {
    return {column_edge_ids_.data() + column_offsets_[column], column_edge_ids_.data() + column_offsets_[column + 1]};
  }

 private:
  std::vector<std::string> row_labels_, column_labels_;
  std::vector<TwoModeEdge> edges_;
  std::vector<std::uint64_t> row_offsets_, column_offsets_;
  std::vector<EdgeId> row_edge_ids_, column_edge_ids_;
};

}  // namespace alueverkko
