#include <alueverkko/graph/weighted_graph.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace alueverkko {

std::string_view to_string(WeightMeaning meaning) noexcept {
  return meaning == WeightMeaning::affinity ? "affinity" : "distance";
}

WeightedGraph WeightedGraph::from_edges(std::size_t vertex_count, std::span<const WeightedEdge> edges,
                                        WeightMeaning meaning, std::vector<std::string> labels) {
  if (vertex_count >= std::numeric_limits<Vertex>::max())
    throw std::length_error("too many vertices for 32-bit vertex ids");
  if (!labels.empty() && labels.size() != vertex_count)
    throw std::invalid_argument("labels: " + std::to_string(labels.size()) + " given for " +
                                std::to_string(vertex_count) + " vertices");

  std::vector<WeightedEdge> sorted;
  sorted.reserve(edges.size());
  for (const auto& e : edges) {
    if (e.source >= vertex_count || e.target >= vertex_count)
      throw std::out_of_range("edge endpoint " + std::to_string(std::max(e.source, e.target)) +
                              " outside 0.." + std::to_string(vertex_count - 1));
    if (!std::isfinite(e.weight) || e.weight < 0)
      throw std::invalid_argument("edge weight must be finite and >= 0, got " + std::to_string(e.weight));
    sorted.push_back({std::min(e.source, e.target), std::max(e.source, e.target), e.weight});
  }
  std::sort(sorted.begin(), sorted.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
    return a.source != b.source ? a.source < b.source : a.target < b.target;
  });

  WeightedGraph g;
  g.meaning_ = meaning;
  g.labels_ = labels.empty() ? std::vector<std::string>(vertex_count) : std::move(labels);
  for (const auto& e : sorted) {  // merge parallel edges
    if (!g.edge_endpoints_.empty() && g.edge_endpoints_.back() == std::pair{e.source, e.target}) {
      g.edge_weights_.back() += e.weight;
    } else {
      g.edge_endpoints_.emplace_back(e.source, e.target);
      g.edge_weights_.push_back(e.weight);
    }
  }
  if (g.edge_endpoints_.size() >= std::numeric_limits<EdgeId>::max())
    throw std::length_error("too many edges for 32-bit edge ids");

  g.offsets_.assign(vertex_count + 1, 0);
  for (const auto& [u, v] : g.edge_endpoints_) {
    ++g.offsets_[u + 1];
    if (u != v) ++g.offsets_[v + 1];
  }
  for (std::size_t v = 0; v < vertex_count; ++v) g.offsets_[v + 1] += g.offsets_[v];
  const std::size_t arcs = g.offsets_.back();
  g.targets_.resize(arcs);
  g.weights_.resize(arcs);
  g.edge_ids_.resize(arcs);
  // Edges are sorted by (min, max) endpoint, so appending in that order leaves every neighbour list
  // sorted: a vertex first receives its smaller neighbours (as the larger endpoint), then itself,
  // then its larger neighbours.
  std::vector<std::uint64_t> next(g.offsets_.begin(), g.offsets_.end() - 1);
  for (EdgeId e = 0; e < g.edge_endpoints_.size(); ++e) {
    const auto [u, v] = g.edge_endpoints_[e];
    const auto put = [&](Vertex from, Vertex to) {
      const auto slot = next[from]++;
      g.targets_[slot] = to;
      g.weights_[slot] = g.edge_weights_[e];
      g.edge_ids_[slot] = e;
    };
    put(u, v);
    if (u != v) put(v, u);
  }
  return g;
}

WeightedGraph::Vertex WeightedGraph::find(std::string_view label) const noexcept {
  const auto it = std::find(labels_.begin(), labels_.end(), label);
  return static_cast<Vertex>(it - labels_.begin());
}

WeightedGraph WeightedGraph::with_weights(std::vector<double> edge_weights, WeightMeaning meaning) const {
  if (edge_weights.size() != edge_count())
    throw std::invalid_argument("with_weights: " + std::to_string(edge_weights.size()) + " weights for " +
                                std::to_string(edge_count()) + " edges");
  WeightedGraph g = *this;
  g.meaning_ = meaning;
  g.edge_weights_ = std::move(edge_weights);
  for (std::size_t arc = 0; arc < g.targets_.size(); ++arc) g.weights_[arc] = g.edge_weights_[g.edge_ids_[arc]];
  return g;
}

std::size_t WeightedGraph::memory_bytes() const noexcept {
  return offsets_.size() * sizeof(std::uint64_t) + targets_.size() * sizeof(Vertex) +
         weights_.size() * sizeof(double) + edge_ids_.size() * sizeof(EdgeId) +
         edge_endpoints_.size() * sizeof(std::pair<Vertex, Vertex>) + edge_weights_.size() * sizeof(double);
}

}  // namespace alueverkko
