#include <alueverkko/graph/projection.hpp>

#include <algorithm>
#include <omp.h>

namespace alueverkko {

std::string_view to_string(ProjectionWeighting weighting) noexcept {
  switch (weighting) {
    case ProjectionWeighting::count: return "count";
    case ProjectionWeighting::newman: return "newman";
    case ProjectionWeighting::jaccard: return "jaccard";
    case ProjectionWeighting::overlap: return "overlap";
    case ProjectionWeighting::custom: return "custom";
  }
  return "";
}

namespace {

// The two sides seen from the side projected onto: a vertex's memberships (`outer`), the
// memberships of the thing it belongs to (`inner`, sorted by the projected vertex).
struct SideView {
  const TwoModeGraph& g;
  bool rows;
  std::size_t vertex_count() const { return rows ? g.row_count() : g.column_count(); }
  std::size_t other_count() const { return rows ? g.column_count() : g.row_count(); }
  std::span<const TwoModeGraph::EdgeId> outer(std::uint32_t v) const { return rows ? g.row_edges(v) : g.column_edges(v); }
  std::span<const TwoModeGraph::EdgeId> inner(std::uint32_t k) const { return rows ? g.column_edges(k) : g.row_edges(k); }
  std::uint32_t vertex_of(TwoModeGraph::EdgeId e) const { return rows ? g.edges()[e].row : g.edges()[e].column; }
  std::uint32_t other_of(TwoModeGraph::EdgeId e) const { return rows ? g.edges()[e].column : g.edges()[e].row; }
  std::span<const std::string> labels() const { return rows ? g.row_labels() : g.column_labels(); }
};

std::uint64_t choose2(std::uint64_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

// The top-k order of a vertex's edges: heavier first, then the smaller neighbour.
struct HeavierFirst {
  bool operator()(double weight_a, std::uint32_t neighbour_a, double weight_b, std::uint32_t neighbour_b) const {
    return weight_a != weight_b ? weight_a > weight_b : neighbour_a < neighbour_b;
  }
};

}  // namespace

ProjectionSize projection_size(const TwoModeGraph& graph, ProjectionSide onto) {
  const SideView side{graph, onto == ProjectionSide::rows};
  ProjectionSize size;
  size.vertices = side.vertex_count();
  std::uint64_t pairs = 0;
  for (std::uint32_t k = 0; k < side.other_count(); ++k) pairs += choose2(side.inner(k).size());
  size.max_edges = std::min(pairs, choose2(size.vertices));
  std::uint64_t label_bytes = 0;
  for (const auto& label : side.labels()) label_bytes += sizeof(std::string) + (label.size() > 15 ? label.size() + 1 : 0);
  // CSR: offsets (8 B per vertex), two arcs per edge (target 4 + weight 8 + edge id 4), edge table
  // (endpoints 8 + weight 8); plus the edge list the builder sorts (16 B per edge).
  size.max_bytes = (size.vertices + 1) * 8 + size.max_edges * (2 * 16 + 16 + 16) + label_bytes;
  return size;
}

WeightedGraph project(const TwoModeGraph& graph, const ProjectionOptions& options,
                      std::span<const std::uint8_t> active) {
  const auto weighting = options.weighting;
  if (weighting == ProjectionWeighting::custom && !options.custom)
    throw std::invalid_argument("custom weighting: no weight function given");
  if (options.use_membership_weights && weighting != ProjectionWeighting::count && weighting != ProjectionWeighting::newman)
    throw std::invalid_argument(std::string(to_string(weighting)) +
                                " weighting counts shared memberships; membership weights apply to count and newman only");
  if (!active.empty() && active.size() != graph.edge_count())
    throw std::invalid_argument("active: " + std::to_string(active.size()) + " flags for " +
                                std::to_string(graph.edge_count()) + " memberships");
  if (options.max_bytes) {
    const auto size = projection_size(graph, options.onto);
    if (size.max_bytes > options.max_bytes)
      throw ProjectionTooLarge("projection may need up to " + std::to_string(size.max_bytes) + " bytes (" +
                               std::to_string(size.max_edges) + " edges), above the limit of " +
                               std::to_string(options.max_bytes) + " bytes; raise the limit, filter the memberships or project with min_weight");
  }

  const SideView side{graph, options.onto == ProjectionSide::rows};
  const std::size_t n = side.vertex_count();
  const auto is_active = [&](TwoModeGraph::EdgeId e) { return active.empty() || active[e] != 0; };
  const auto weight_of = [&](TwoModeGraph::EdgeId e) { return options.use_membership_weights ? graph.edges()[e].weight : 1.0; };

  // Active memberships per vertex (|N(i)|) and per thing on the other side (n_k).
  std::vector<double> degree(n, 0.0);
  std::vector<std::uint32_t> other_size(side.other_count(), 0);
  for (TwoModeGraph::EdgeId e = 0; e < graph.edge_count(); ++e)
    if (is_active(e)) {
      degree[side.vertex_of(e)] += 1;
      ++other_size[side.other_of(e)];
    }

  const bool full_rows = options.top_k > 0;  // top-k needs every neighbour of a vertex, not only larger ones
  const bool want_newman = weighting == ProjectionWeighting::newman || weighting == ProjectionWeighting::custom;
  const bool want_product = weighting == ProjectionWeighting::count;

  std::vector<std::vector<WeightedEdge>> per_thread;
  const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  per_thread.resize(static_cast<std::size_t>(threads));
  std::exception_ptr failure;

#pragma omp parallel num_threads(threads)
  {
    auto& out = per_thread[static_cast<std::size_t>(omp_get_thread_num())];
    std::vector<double> shared(n, 0.0), product(want_product ? n : 0, 0.0), newman(want_newman ? n : 0, 0.0);
    std::vector<std::uint32_t> touched;
    std::vector<WeightedEdge> row;
#pragma omp for schedule(dynamic, 64)
    for (std::size_t u64 = 0; u64 < n; ++u64) {
      const auto u = static_cast<std::uint32_t>(u64);
      for (const auto e : side.outer(u)) {
        if (!is_active(e)) continue;
        const auto k = side.other_of(e);
        const std::uint32_t n_k = other_size[k];
        if (n_k < 2) continue;
        auto members = side.inner(k);
        if (!full_rows)  // only partners v > u: each pair once
          members = members.subspan(static_cast<std::size_t>(
              std::upper_bound(members.begin(), members.end(), u,
                               [&](std::uint32_t value, TwoModeGraph::EdgeId f) { return value < side.vertex_of(f); }) -
              members.begin()));
        const double w_e = weight_of(e);
        for (const auto f : members) {
          const auto v = side.vertex_of(f);
          if (v == u || !is_active(f)) continue;
          if (shared[v] == 0) touched.push_back(v);
          shared[v] += 1;
          if (want_product) product[v] += w_e * weight_of(f);
          if (want_newman) newman[v] += w_e * weight_of(f) / (n_k - 1);
        }
      }
      row.clear();
      for (const auto v : touched) {
        double w = 0;
        switch (weighting) {
          case ProjectionWeighting::count: w = product[v]; break;
          case ProjectionWeighting::newman: w = newman[v]; break;
          case ProjectionWeighting::jaccard: w = shared[v] / (degree[u] + degree[v] - shared[v]); break;
          case ProjectionWeighting::overlap: w = shared[v] / std::min(degree[u], degree[v]); break;
          case ProjectionWeighting::custom:
            try {
              w = options.custom({std::min(u, v), std::max(u, v), shared[v], degree[std::min(u, v)],
                                  degree[std::max(u, v)], newman[v]});
            } catch (...) {
#pragma omp critical
              if (!failure) failure = std::current_exception();
            }
            break;
        }
        if (w > 0 && w >= options.min_weight) row.push_back({std::min(u, v), std::max(u, v), w});
        shared[v] = 0;
        if (want_product) product[v] = 0;
        if (want_newman) newman[v] = 0;
      }
      touched.clear();
      if (full_rows && row.size() > options.top_k) {
        const auto other_end = [u](const WeightedEdge& e) { return e.source == u ? e.target : e.source; };
        std::partial_sort(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(options.top_k), row.end(),
                          [&](const WeightedEdge& a, const WeightedEdge& b) {
                            return HeavierFirst{}(a.weight, other_end(a), b.weight, other_end(b));
                          });
        row.resize(options.top_k);
      }
      out.insert(out.end(), row.begin(), row.end());
    }
  }
  if (failure) std::rethrow_exception(failure);

  std::vector<WeightedEdge> edges;
  std::size_t total = 0;
  for (const auto& part : per_thread) total += part.size();
  edges.reserve(total);
  for (auto& part : per_thread) {
    edges.insert(edges.end(), part.begin(), part.end());
    std::vector<WeightedEdge>().swap(part);
  }
  if (full_rows) {  // an edge in the top k of both endpoints was emitted twice, with the same weight
    std::sort(edges.begin(), edges.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
      return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    edges.erase(std::unique(edges.begin(), edges.end(),
                            [](const WeightedEdge& a, const WeightedEdge& b) { return a.source == b.source && a.target == b.target; }),
                edges.end());
  }
  const auto labels = side.labels();
  return WeightedGraph::from_edges(n, edges, WeightMeaning::affinity, std::vector<std::string>(labels.begin(), labels.end()));
}

PairTable pair_statistics(const TwoModeGraph& graph, ProjectionSide onto, std::span<const std::uint8_t> active) {
  // One thread, so the table is filled in order by the same kernel that projects.
  PairTable table;
  ProjectionOptions options;
  options.onto = onto;
  options.weighting = ProjectionWeighting::custom;
  options.threads = 1;
  options.custom = [&table](const PairStatistics& p) {
    table.i.push_back(p.i);
    table.j.push_back(p.j);
    table.shared.push_back(p.shared);
    table.degree_i.push_back(p.degree_i);
    table.degree_j.push_back(p.degree_j);
    table.newman.push_back(p.newman);
    return 0.0;  // keeps no edge: only the statistics are wanted
  };
  (void)project(graph, options, active);
  return table;
}

WeightedGraph keep_top_k(const WeightedGraph& graph, std::size_t k) {
  std::vector<std::uint8_t> kept(graph.edge_count(), 0);
  std::vector<std::size_t> order;
  for (WeightedGraph::Vertex v = 0; v < graph.vertex_count(); ++v) {
    const auto targets = graph.neighbors(v);
    const auto weights = graph.neighbor_weights(v);
    order.resize(targets.size());
    for (std::size_t a = 0; a < order.size(); ++a) order[a] = a;
    const std::size_t keep = std::min(k, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                      [&](std::size_t a, std::size_t b) { return HeavierFirst{}(weights[a], targets[a], weights[b], targets[b]); });
    for (std::size_t a = 0; a < keep; ++a) kept[graph.neighbor_edge_ids(v)[order[a]]] = 1;
  }
  std::vector<WeightedEdge> edges;
  for (WeightedGraph::EdgeId e = 0; e < graph.edge_count(); ++e)
    if (kept[e]) edges.push_back({graph.edge_source(e), graph.edge_target(e), graph.edge_weight(e)});
  const auto labels = graph.labels();
  return WeightedGraph::from_edges(graph.vertex_count(), edges, graph.weight_meaning(),
                                   std::vector<std::string>(labels.begin(), labels.end()));
}

}  // namespace alueverkko
