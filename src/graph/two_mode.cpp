#include <alueverkko/data/dataset.hpp>
#include <alueverkko/graph/two_mode.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace alueverkko {
namespace {

// Counting sort of edge ids by `key(edge)`, ties by `tie(edge)`: the CSR of one side.
template <class Key, class Tie>
void build_side(std::span<const TwoModeEdge> edges, std::size_t count, Key key, Tie tie,
                std::vector<std::uint64_t>& offsets, std::vector<TwoModeGraph::EdgeId>& ids) {
  offsets.assign(count + 1, 0);
  for (const auto& e : edges) ++offsets[key(e) + 1];
  for (std::size_t i = 0; i < count; ++i) offsets[i + 1] += offsets[i];
  ids.resize(edges.size());
  std::vector<std::uint64_t> next(offsets.begin(), offsets.end() - 1);
  for (TwoModeGraph::EdgeId e = 0; e < edges.size(); ++e) ids[next[key(edges[e])]++] = e;
  const auto by_tie = [&](auto a, auto b) { return tie(edges[a]) < tie(edges[b]); };
  for (std::size_t i = 0; i < count; ++i) {
    const auto first = ids.begin() + static_cast<std::ptrdiff_t>(offsets[i]);
    const auto last = ids.begin() + static_cast<std::ptrdiff_t>(offsets[i + 1]);
    if (!std::is_sorted(first, last, by_tie)) std::sort(first, last, by_tie);  // lists often come sorted
  }
}

}  // namespace

TwoModeGraph TwoModeGraph::from_edges(std::vector<std::string> row_labels, std::vector<std::string> column_labels,
                                      std::span<const TwoModeEdge> edges) {
  if (row_labels.size() >= std::numeric_limits<Index>::max() || column_labels.size() >= std::numeric_limits<Index>::max() ||
      edges.size() >= std::numeric_limits<EdgeId>::max())
    throw std::length_error("two-mode graph too large for 32-bit ids");
  for (const auto& e : edges) {
    if (e.row >= row_labels.size() || e.column >= column_labels.size())
      throw std::out_of_range("membership (" + std::to_string(e.row) + ", " + std::to_string(e.column) +
                              ") outside " + std::to_string(row_labels.size()) + " rows × " +
                              std::to_string(column_labels.size()) + " columns");
    if (!std::isfinite(e.weight) || e.weight < 0)
      throw std::invalid_argument("membership weight must be finite and >= 0, got " + std::to_string(e.weight));
  }
  TwoModeGraph g;
  g.row_labels_ = std::move(row_labels);
  g.column_labels_ = std::move(column_labels);
  g.edges_.assign(edges.begin(), edges.end());
  build_side(g.edges_, g.row_labels_.size(), [](const TwoModeEdge& e) { return e.row; },
             [](const TwoModeEdge& e) { return e.column; }, g.row_offsets_, g.row_edge_ids_);
  build_side(g.edges_, g.column_labels_.size(), [](const TwoModeEdge& e) { return e.column; },
             [](const TwoModeEdge& e) { return e.row; }, g.column_offsets_, g.column_edge_ids_);
  for (Index r = 0; r < g.row_count(); ++r) {
    const auto ids = g.row_edges(r);
    for (std::size_t i = 1; i < ids.size(); ++i)
      if (g.edges_[ids[i]].column == g.edges_[ids[i - 1]].column)
        throw std::invalid_argument("membership of '" + g.row_labels_[r] + "' in '" +
                                    g.column_labels_[g.edges_[ids[i]].column] + "' given twice");
  }
  return g;
}

TwoModeGraph TwoModeGraph::from_dataset(const Dataset& dataset) {
  std::vector<std::string> rows, columns;
  for (const auto& a : dataset.actors()) rows.push_back(a.id);
  for (const auto& n : dataset.networks()) columns.push_back(n.id);
  std::vector<TwoModeEdge> edges;
  edges.reserve(dataset.memberships().size());
  for (const auto& m : dataset.memberships())
    edges.push_back({static_cast<Index>(m.actor), static_cast<Index>(m.network), m.weight, m.status, m.role});
  return from_edges(std::move(rows), std::move(columns), edges);
}

}  // namespace alueverkko
