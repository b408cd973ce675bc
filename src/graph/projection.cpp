#include <alueverkko/graph/projection.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>

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

// Bytes alive at the peak of project() for `edges` edges: the rows found (16 B per edge), their
// concatenation and the sorted copy from_edges() makes (16 B each), its edge table (16 B) and CSR
// (two arcs of 4 + 8 + 4 B), CSR offsets (8 B per vertex), and the labels.
std::uint64_t projection_peak_bytes(std::uint64_t vertices, std::uint64_t edges, std::span<const std::string> labels) {
  std::uint64_t label_bytes = 0;
  for (const auto& label : labels) label_bytes += sizeof(std::string) + (label.size() > 15 ? label.size() + 1 : 0);
  return (vertices + 1) * 8 + edges * (16 + 16 + 16 + 16 + 2 * 16) + label_bytes;
}

// The edges of one projected vertex u, with the buffers of one thread: the partners v > u (every
// partner with top-k) weighted as the options say, kept if w > 0 and w >= min_weight, the top k
// when top_k > 0.
class RowKernel {
 public:
  RowKernel(const TwoModeGraph& graph, const ProjectionOptions& options, std::span<const std::uint8_t> active,
            const std::vector<double>& degree, const std::vector<std::uint32_t>& other_size)
      : graph_(graph), side_{graph, options.onto == ProjectionSide::rows}, options_(options), active_(active),
        degree_(degree), other_size_(other_size), full_rows_(options.top_k > 0),
        want_newman_(options.weighting == ProjectionWeighting::newman || options.weighting == ProjectionWeighting::custom),
        want_product_(options.weighting == ProjectionWeighting::count),
        shared_(side_.vertex_count(), 0.0), product_(want_product_ ? side_.vertex_count() : 0, 0.0),
        newman_(want_newman_ ? side_.vertex_count() : 0, 0.0) {}

  // Replaces `row` with u's edges. A custom weight function's exception propagates.
  void run(std::uint32_t u, std::vector<WeightedEdge>& row) {
    for (const auto e : side_.outer(u)) {
      if (!is_active(e)) continue;
      const auto k = side_.other_of(e);
      const std::uint32_t n_k = other_size_[k];
      if (n_k < 2) continue;
      auto members = side_.inner(k);
      if (!full_rows_)  // only partners v > u: each pair once
        members = members.subspan(static_cast<std::size_t>(
            std::upper_bound(members.begin(), members.end(), u,
                             [&](std::uint32_t value, TwoModeGraph::EdgeId f) { return value < side_.vertex_of(f); }) -
            members.begin()));
      const double w_e = weight_of(e);
      for (const auto f : members) {
        const auto v = side_.vertex_of(f);
        if (v == u || !is_active(f)) continue;
        if (shared_[v] == 0) touched_.push_back(v);
        shared_[v] += 1;
        if (want_product_) product_[v] += w_e * weight_of(f);
        if (want_newman_) newman_[v] += w_e * weight_of(f) / (n_k - 1);
      }
    }
    row.clear();
    std::exception_ptr failure;
    for (const auto v : touched_) {
      if (!failure) {
        try {
          const double w = weight(u, v);
          if (w > 0 && w >= options_.min_weight) row.push_back({std::min(u, v), std::max(u, v), w});
        } catch (...) {
          failure = std::current_exception();  // after the buffers are clean again
        }
      }
      shared_[v] = 0;
      if (want_product_) product_[v] = 0;
      if (want_newman_) newman_[v] = 0;
    }
    touched_.clear();
    if (failure) std::rethrow_exception(failure);
    if (full_rows_ && row.size() > options_.top_k) {
      const auto other_end = [u](const WeightedEdge& e) { return e.source == u ? e.target : e.source; };
      std::partial_sort(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(options_.top_k), row.end(),
                        [&](const WeightedEdge& a, const WeightedEdge& b) {
                          return HeavierFirst{}(a.weight, other_end(a), b.weight, other_end(b));
                        });
      row.resize(options_.top_k);
    }
  }

 private:
  bool is_active(TwoModeGraph::EdgeId e) const { return active_.empty() || active_[e] != 0; }
  double weight_of(TwoModeGraph::EdgeId e) const { return options_.use_membership_weights ? graph_.edges()[e].weight : 1.0; }

  double weight(std::uint32_t u, std::uint32_t v) const {
    switch (options_.weighting) {
      case ProjectionWeighting::count: return product_[v];
      case ProjectionWeighting::newman: return newman_[v];
      case ProjectionWeighting::jaccard: return shared_[v] / (degree_[u] + degree_[v] - shared_[v]);
      case ProjectionWeighting::overlap: return shared_[v] / std::min(degree_[u], degree_[v]);
      case ProjectionWeighting::custom:
        return options_.custom({std::min(u, v), std::max(u, v), shared_[v], degree_[std::min(u, v)],
                                degree_[std::max(u, v)], newman_[v]});
    }
    return 0;
  }

  const TwoModeGraph& graph_;
  SideView side_;
  const ProjectionOptions& options_;
  std::span<const std::uint8_t> active_;
  const std::vector<double>& degree_;
  const std::vector<std::uint32_t>& other_size_;
  bool full_rows_, want_newman_, want_product_;
  std::vector<double> shared_, product_, newman_;
  std::vector<std::uint32_t> touched_;
};

// Runs every row of the projection through `emit(thread, row)` on `threads` threads (rows dealt
// dynamically), each thread with its own RowKernel. The first exception is rethrown after the team.
template <class Emit>
void for_each_row(const TwoModeGraph& graph, const ProjectionOptions& options, std::span<const std::uint8_t> active,
                  int threads, Emit emit) {
  const SideView side{graph, options.onto == ProjectionSide::rows};
  const std::size_t n = side.vertex_count();
  // Active memberships per vertex (|N(i)|) and per thing on the other side (n_k).
  std::vector<double> degree(n, 0.0);
  std::vector<std::uint32_t> other_size(side.other_count(), 0);
  for (TwoModeGraph::EdgeId e = 0; e < graph.edge_count(); ++e)
    if (active.empty() || active[e] != 0) {
      degree[side.vertex_of(e)] += 1;
      ++other_size[side.other_of(e)];
    }
  std::exception_ptr failure;
  std::atomic<bool> failed{false};
#pragma omp parallel num_threads(threads)
  {
    const auto thread = static_cast<std::size_t>(omp_get_thread_num());
    std::optional<RowKernel> kernel;
    std::vector<WeightedEdge> row;
#pragma omp for schedule(dynamic, 64)
    for (std::size_t u = 0; u < n; ++u) {
      if (failed.load(std::memory_order_relaxed)) continue;  // an OpenMP loop cannot be left early
      try {
        if (!kernel) kernel.emplace(graph, options, active, degree, other_size);
        kernel->run(static_cast<std::uint32_t>(u), row);
        emit(thread, row);
      } catch (...) {
#pragma omp critical(alueverkko_projection_error)
        if (!failure) failure = std::current_exception();
        failed = true;
      }
    }
  }
  if (failure) std::rethrow_exception(failure);
}

int thread_count(const ProjectionOptions& options) { return options.threads > 0 ? options.threads : omp_get_max_threads(); }

void check_options(const TwoModeGraph& graph, const ProjectionOptions& options, std::span<const std::uint8_t> active) {
  const auto weighting = options.weighting;
  if (weighting == ProjectionWeighting::custom && !options.custom)
    throw std::invalid_argument("custom weighting: no weight function given");
  if (options.use_membership_weights && weighting != ProjectionWeighting::count && weighting != ProjectionWeighting::newman)
    throw std::invalid_argument(std::string(to_string(weighting)) +
                                " weighting counts shared memberships; membership weights apply to count and newman only");
  if (!active.empty() && active.size() != graph.edge_count())
    throw std::invalid_argument("active: " + std::to_string(active.size()) + " flags for " +
                                std::to_string(graph.edge_count()) + " memberships");
}

// 1536 → "1.5 KiB"; below 1 KiB in bytes.
std::string human_bytes(std::uint64_t bytes) {
  static constexpr std::array<const char*, 5> units{"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  for (; value >= 1024 && unit + 1 < units.size(); ++unit) value /= 1024;
  if (unit == 0) return std::to_string(bytes) + " bytes";
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.1f %s", value, units[unit]);
  return text.data();
}

[[noreturn]] void refuse(std::uint64_t vertices, std::uint64_t edges, bool at_least, std::uint64_t bytes,
                         std::uint64_t limit) {
  throw ProjectionTooLarge("projection too large: " + std::to_string(vertices) + " vertices and " +
                           (at_least ? "at least " : "") + std::to_string(edges) + " edges need about " +
                           human_bytes(bytes) + " while projecting, above the limit of " + human_bytes(limit) +
                           "; raise the limit, select fewer memberships, or keep fewer edges (min_weight, top_k)");
}

// The memory guard: refuses (ProjectionTooLarge) a projection that would need more than
// options.max_bytes at its peak, before anything large is allocated. The bound of projection_size()
// settles most cases at no cost. Above the limit, when every pair sharing a membership surely gets
// an edge, the largest network alone (its members pairwise linked) may prove the projection too
// large at once; otherwise the rows are counted exactly (the projection's own work, without storing
// it) before refusing.
void check_size(const TwoModeGraph& graph, const ProjectionOptions& options, std::span<const std::uint8_t> active) {
  const std::uint64_t limit = options.max_bytes;
  if (limit == 0 || projection_size(graph, options.onto).max_bytes <= limit) return;
  const SideView side{graph, options.onto == ProjectionSide::rows};
  const std::uint64_t n = side.vertex_count();
  const bool every_pair_kept = options.min_weight <= 0 && options.top_k == 0 && !options.use_membership_weights &&
                               options.weighting != ProjectionWeighting::custom;
  if (every_pair_kept) {
    std::vector<std::uint64_t> members(side.other_count(), 0);
    for (TwoModeGraph::EdgeId e = 0; e < graph.edge_count(); ++e)
      if (active.empty() || active[e] != 0) ++members[side.other_of(e)];
    const std::uint64_t largest = members.empty() ? 0 : *std::max_element(members.begin(), members.end());
    const std::uint64_t bytes = projection_peak_bytes(n, choose2(largest), side.labels());
    if (bytes > limit) refuse(n, choose2(largest), true, bytes, limit);
  }
  const auto edges = projected_edge_count(graph, options, active);
  const auto bytes = projection_peak_bytes(n, edges, side.labels());
  if (bytes > limit) refuse(n, edges, false, bytes, limit);
}

}  // namespace

ProjectionSize projection_size(const TwoModeGraph& graph, ProjectionSide onto) {
  const SideView side{graph, onto == ProjectionSide::rows};
  ProjectionSize size;
  size.vertices = side.vertex_count();
  std::uint64_t pairs = 0;
  for (std::uint32_t k = 0; k < side.other_count(); ++k) pairs += choose2(side.inner(k).size());
  size.max_edges = std::min(pairs, choose2(size.vertices));
  size.max_bytes = projection_peak_bytes(size.vertices, size.max_edges, side.labels());
  return size;
}

std::uint64_t projected_edge_count(const TwoModeGraph& graph, const ProjectionOptions& options,
                                   std::span<const std::uint8_t> active) {
  check_options(graph, options, active);
  const int threads = thread_count(options);
  std::vector<std::uint64_t> counts(static_cast<std::size_t>(threads), 0);
  for_each_row(graph, options, active, threads,
               [&](std::size_t thread, const std::vector<WeightedEdge>& row) { counts[thread] += row.size(); });
  std::uint64_t total = 0;
  for (const auto c : counts) total += c;
  return total;
}

WeightedGraph project(const TwoModeGraph& graph, const ProjectionOptions& options,
                      std::span<const std::uint8_t> active) {
  check_options(graph, options, active);
  check_size(graph, options, active);
  const int threads = thread_count(options);
  std::vector<std::vector<WeightedEdge>> per_thread(static_cast<std::size_t>(threads));
  for_each_row(graph, options, active, threads, [&](std::size_t thread, const std::vector<WeightedEdge>& row) {
    per_thread[thread].insert(per_thread[thread].end(), row.begin(), row.end());
  });

  std::vector<WeightedEdge> edges;
  std::size_t total = 0;
  for (const auto& part : per_thread) total += part.size();
  edges.reserve(total);
  for (auto& part : per_thread) {
    edges.insert(edges.end(), part.begin(), part.end());
    std::vector<WeightedEdge>().swap(part);
  }
  if (options.top_k > 0) {  // an edge in the top k of both endpoints was emitted twice, with the same weight
    std::sort(edges.begin(), edges.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
      return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    edges.erase(std::unique(edges.begin(), edges.end(),
                            [](const WeightedEdge& a, const WeightedEdge& b) { return a.source == b.source && a.target == b.target; }),
                edges.end());
  }
  const SideView side{graph, options.onto == ProjectionSide::rows};
  const auto labels = side.labels();
  return WeightedGraph::from_edges(side.vertex_count(), edges, WeightMeaning::affinity,
                                   std::vector<std::string>(labels.begin(), labels.end()));
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
