#include <alueverkko/graph/weighted_graph.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <omp.h>

namespace alueverkko {

std::string_view to_string(WeightMeaning meaning) noexcept {
  return meaning == WeightMeaning::affinity ? "affinity" : "distance";
}

namespace {

void check_vertices(std::size_t vertex_count, const std::vector<std::string>& labels) {
  if (vertex_count >= std::numeric_limits<WeightedGraph::Vertex>::max())
    throw std::length_error("too many vertices for 32-bit vertex ids");
  if (!labels.empty() && labels.size() != vertex_count)
    throw std::invalid_argument("labels: " + std::to_string(labels.size()) + " given for " +
                                std::to_string(vertex_count) + " vertices");
}

void check_weight(double weight) {
  if (!std::isfinite(weight) || weight < 0)
    throw std::invalid_argument("edge weight must be finite and >= 0, got " + std::to_string(weight));
}

}  // namespace

WeightedGraph WeightedGraph::from_edges(std::size_t vertex_count, std::span<const WeightedEdge> edges,
                                        WeightMeaning meaning, std::vector<std::string> labels) {
  check_vertices(vertex_count, labels);
  std::vector<WeightedEdge> sorted;
  sorted.reserve(edges.size());
  for (const auto& e : edges) {
    if (e.source >= vertex_count || e.target >= vertex_count)
      throw std::out_of_range("edge endpoint " + std::to_string(std::max(e.source, e.target)) +
                              " outside 0.." + std::to_string(vertex_count - 1));
    check_weight(e.weight);
    sorted.push_back({std::min(e.source, e.target), std::max(e.source, e.target), e.weight});
  }
  std::sort(sorted.begin(), sorted.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
    return a.source != b.source ? a.source < b.source : a.target < b.target;
  });
  std::vector<std::pair<Vertex, Vertex>> endpoints;
  std::vector<double> weights;
  for (const auto& e : sorted) {  // merge parallel edges
    if (!endpoints.empty() && endpoints.back() == std::pair{e.source, e.target}) {
      weights.back() += e.weight;
    } else {
      endpoints.emplace_back(e.source, e.target);
      weights.push_back(e.weight);
    }
  }
  std::vector<WeightedEdge>().swap(sorted);
  return from_sorted_edges(vertex_count, std::move(endpoints), std::move(weights), meaning, std::move(labels), 1);
}

WeightedGraph WeightedGraph::from_sorted_edges(std::size_t vertex_count, std::vector<std::pair<Vertex, Vertex>> endpoints,
                                               std::vector<double> weights, WeightMeaning meaning,
                                               std::vector<std::string> labels, int threads) {
  check_vertices(vertex_count, labels);
  if (weights.size() != endpoints.size())
    throw std::invalid_argument("from_sorted_edges: " + std::to_string(weights.size()) + " weights for " +
                                std::to_string(endpoints.size()) + " edges");
  if (endpoints.size() >= std::numeric_limits<EdgeId>::max()) throw std::length_error("too many edges for 32-bit edge ids");
  // One branch-free pass finds whether anything is wrong; a second one, only then, says what.
  const auto in_order = [&](std::size_t e) {
    const auto [u, v] = endpoints[e];
    return (u <= v) & (v < vertex_count) & (e == 0 || endpoints[e - 1] < endpoints[e]) &
           (weights[e] >= 0) & (weights[e] <= std::numeric_limits<double>::max());
  };
  bool all_good = true;
  for (std::size_t e = 0; e < endpoints.size(); ++e) all_good &= in_order(e);
  for (std::size_t e = 0; !all_good && e < endpoints.size(); ++e) {
    check_weight(weights[e]);
    if (!in_order(e))
      throw std::invalid_argument("from_sorted_edges: edge " + std::to_string(e) + " (" + std::to_string(endpoints[e].first) +
                                  ", " + std::to_string(endpoints[e].second) + ") is out of range or out of order");
  }

  WeightedGraph g;
  g.meaning_ = meaning;
  g.labels_ = labels.empty() ? std::vector<std::string>(vertex_count) : std::move(labels);
  g.edge_endpoints_ = std::move(endpoints);
  g.edge_weights_ = std::move(weights);
  g.build_csr(vertex_count, threads);
  return g;
}

// The neighbours of v in ascending order are its smaller neighbours u (edges (u, v), u < v) and
// then its own row of the edge table (v, w), w >= v, self-loop first. A row is copied as it is; the
// smaller neighbours are a transposition, split over the threads by ranges of v, each thread reading
// the whole table in order so that every list fills in ascending order.
void WeightedGraph::build_csr(std::size_t n, int threads) {
  std::vector<std::uint64_t> row_start(n + 1, 0), smaller(n, 0);
  self_loops_ = false;
  for (const auto& [u, v] : edge_endpoints_) {
    ++row_start[u + 1];
    if (u != v) ++smaller[v];
    else self_loops_ = true;
  }
  offsets_.assign(n + 1, 0);
  for (std::size_t v = 0; v < n; ++v) {
    row_start[v + 1] += row_start[v];
    offsets_[v + 1] = offsets_[v] + smaller[v] + (row_start[v + 1] - row_start[v]);
  }
  const std::size_t arcs = offsets_.back();
  targets_.resize(arcs);
  weights_.resize(arcs);
  edge_ids_.resize(arcs);
  const auto vertices = static_cast<std::int64_t>(n);
  const int team = threads > 0 ? threads : omp_get_max_threads();
#pragma omp parallel num_threads(team)
  {
#pragma omp for schedule(static)
    for (std::int64_t v = 0; v < vertices; ++v) {
      std::uint64_t slot = offsets_[v] + smaller[v];
      for (auto e = row_start[v]; e < row_start[v + 1]; ++e, ++slot) {
        targets_[slot] = edge_endpoints_[e].second;
        weights_[slot] = edge_weights_[e];
        edge_ids_[slot] = static_cast<EdgeId>(e);
      }
    }
    // Each thread fills the smaller neighbours of the vertices whose lists lie in its share of the arcs.
    const auto thread = static_cast<std::uint64_t>(omp_get_thread_num());
    const auto count = static_cast<std::uint64_t>(omp_get_num_threads());
    const auto first_vertex = [&](std::uint64_t part) {
      return static_cast<std::size_t>(std::lower_bound(offsets_.begin(), offsets_.end() - 1, arcs * part / count) - offsets_.begin());
    };
    const std::size_t lo = first_vertex(thread), hi = thread + 1 == count ? n : first_vertex(thread + 1);
    std::vector<std::uint64_t> next(offsets_.begin() + static_cast<std::ptrdiff_t>(lo), offsets_.begin() + static_cast<std::ptrdiff_t>(hi));
    for (EdgeId e = 0; e < edge_endpoints_.size(); ++e) {
      const auto [u, v] = edge_endpoints_[e];
      if (v < lo || v >= hi || u == v) continue;
      const auto slot = next[v - lo]++;
      targets_[slot] = u;
      weights_[slot] = edge_weights_[e];
      edge_ids_[slot] = e;
    }
  }
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
