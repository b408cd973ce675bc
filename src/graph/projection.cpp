#include <alueverkko/graph/projection.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
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

// Bytes alive at the peak of project() for `edges` edges. The rows found (16 B per edge, their
// buffers up to twice that) are moved into the edge table (16 B); then the CSR (two arcs of
// 4 + 8 + 4 B) is built beside the table: 48 B per edge. With top-k the rows are sorted through one
// more copy (16 B). Then the CSR offsets and their fill pointers (8 + 8 B per vertex), and the labels.
std::uint64_t projection_peak_bytes(std::uint64_t vertices, std::uint64_t edges, bool top_k,
                                    std::span<const std::string> labels) {
  std::uint64_t label_bytes = 0;
  for (const auto& label : labels) label_bytes += sizeof(std::string) + (label.size() > 15 ? label.size() + 1 : 0);
  return (vertices + 1) * 16 + edges * (top_k ? 64 : 48) + label_bytes;
}

// The active memberships seen from the side projected onto, as two CSRs of plain ids: each
// thing's members on the other side (ascending) and each vertex's things (ascending, as in
// TwoModeGraph's lists), each with the position of the vertex in that thing's member list, and
// the membership weights when they are used. Built once per projection, so that the row kernel
// reads contiguous ids and starts at the partners after u without searching.
struct Incidence {
  std::vector<std::uint64_t> other_offsets, vertex_offsets;
  std::vector<std::uint32_t> other_members, vertex_others;
  std::vector<std::uint64_t> vertex_positions;        // index into other_members of the vertex itself
  std::vector<double> other_weights, vertex_weights;  // empty without membership weights
  std::vector<double> degree;                         // |N(i)|: active memberships per vertex

  Incidence(const TwoModeGraph& graph, const ProjectionOptions& options, std::span<const std::uint8_t> active) {
    const SideView side{graph, options.onto == ProjectionSide::rows};
    const bool weighted = options.use_membership_weights;
    other_offsets.assign(side.other_count() + 1, 0);
    degree.assign(side.vertex_count(), 0.0);
    for (std::uint32_t k = 0; k < side.other_count(); ++k) {
      for (const auto e : side.inner(k)) {
        if (!active.empty() && active[e] == 0) continue;
        other_members.push_back(side.vertex_of(e));
        if (weighted) other_weights.push_back(graph.edges()[e].weight);
        degree[side.vertex_of(e)] += 1;
      }
      other_offsets[k + 1] = other_members.size();
    }
    // The transposition: scanning the things in order lists each vertex's things in ascending order.
    vertex_offsets.assign(side.vertex_count() + 1, 0);
    for (std::size_t v = 0; v < degree.size(); ++v)
      vertex_offsets[v + 1] = vertex_offsets[v] + static_cast<std::uint64_t>(degree[v]);
    vertex_others.resize(other_members.size());
    vertex_positions.resize(other_members.size());
    if (weighted) vertex_weights.resize(other_members.size());
    std::vector<std::uint64_t> next(vertex_offsets.begin(), vertex_offsets.end() - 1);
    for (std::uint32_t k = 0; k < side.other_count(); ++k)
      for (auto f = other_offsets[k]; f < other_offsets[k + 1]; ++f) {
        const auto slot = next[other_members[f]]++;
        vertex_others[slot] = k;
        vertex_positions[slot] = f;
        if (weighted) vertex_weights[slot] = other_weights[f];
      }
  }
  std::size_t vertex_count() const { return degree.size(); }
};

// The edges of one projected vertex u, with the buffers of one thread: the partners v > u (every
// partner with top-k) weighted as the options say, kept if w > 0 and w >= min_weight, the top k
// when top_k > 0. Rows without top-k come out sorted by partner.
class RowKernel {
 public:
  RowKernel(const Incidence& incidence, const ProjectionOptions& options)
      : in_(incidence), options_(options), full_rows_(options.top_k > 0),
        weighted_(options.use_membership_weights),
        newman_scale_(options.weighting == ProjectionWeighting::newman || options.weighting == ProjectionWeighting::custom),
        want_sum_(newman_scale_ || (options.weighting == ProjectionWeighting::count && weighted_)),
        shared_(incidence.vertex_count(), 0), marks_((incidence.vertex_count() + 63) / 64, 0),
        sum_(want_sum_ ? incidence.vertex_count() : 0, 0.0) {}

  // Replaces `row` with u's edges. A custom weight function's exception propagates.
  void run(std::uint32_t u, std::vector<WeightedEdge>& row) {
    for (std::uint64_t i = in_.vertex_offsets[u]; i < in_.vertex_offsets[u + 1]; ++i) {
      const auto k = in_.vertex_others[i];
      const std::uint64_t begin = in_.other_offsets[k], end = in_.other_offsets[k + 1];
      const std::uint64_t n_k = end - begin;
      if (n_k < 2) continue;
      const std::uint32_t* members = in_.other_members.data();
      // only partners v > u, each pair once, unless the rows are full
      const std::uint64_t first = full_rows_ ? begin : in_.vertex_positions[i] + 1;
      const double w_e = weighted_ ? in_.vertex_weights[i] : 1.0;
      const double scale = newman_scale_ ? 1.0 / static_cast<double>(n_k - 1) : 1.0;
      for (std::uint64_t f = first; f < end; ++f) {
        const auto v = members[f];
        if (v == u) continue;
        if (shared_[v]++ == 0) {
          touched_.push_back(v);
          marks_[v / 64] |= std::uint64_t{1} << (v % 64);
        }
        if (want_sum_) sum_[v] += (weighted_ ? w_e * in_.other_weights[f] : 1.0) * scale;
      }
    }
    row.clear();
    if (full_rows_) clear_marks();
    else sort_touched(u);
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
      if (want_sum_) sum_[v] = 0;
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
  // Puts the partners of u in ascending order (the canonical (u, v) order of the edge table) and
  // clears their marks: a row with many partners for its length is read off the bitmap of marks, 64
  // vertices a word, until every partner is found; a short one is sorted.
  void sort_touched(std::uint32_t u) {
    const std::size_t count = touched_.size(), words = marks_.size() - (u + 1) / 64;
    if (count * static_cast<std::size_t>(std::bit_width(count)) > words) {
      std::uint32_t* const partners = touched_.data();
      std::size_t found = 0;
      for (std::size_t word = (u + 1) / 64; found < count; ++word) {
        for (std::uint64_t bits = std::exchange(marks_[word], 0); bits != 0; bits &= bits - 1)
          partners[found++] = static_cast<std::uint32_t>(word * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
      }
    } else {
      std::sort(touched_.begin(), touched_.end());
      clear_marks();
    }
  }
  void clear_marks() {
    for (const auto v : touched_) marks_[v / 64] = 0;  // every bit set in these words is a partner's
  }

  double weight(std::uint32_t u, std::uint32_t v) const {
    const auto shared = static_cast<double>(shared_[v]);
    const auto& degree = in_.degree;
    switch (options_.weighting) {
      case ProjectionWeighting::count: return weighted_ ? sum_[v] : shared;
      case ProjectionWeighting::newman: return sum_[v];
      case ProjectionWeighting::jaccard: return shared / (degree[u] + degree[v] - shared);
      case ProjectionWeighting::overlap: return shared / std::min(degree[u], degree[v]);
      case ProjectionWeighting::custom:
        return options_.custom({std::min(u, v), std::max(u, v), shared, degree[std::min(u, v)],
                                degree[std::max(u, v)], sum_[v]});
    }
    return 0;
  }

  const Incidence& in_;
  const ProjectionOptions& options_;
  bool full_rows_, weighted_, newman_scale_, want_sum_;
  std::vector<std::uint32_t> shared_;  // |N(u)∩N(v)|; nonzero marks v as touched
  std::vector<std::uint64_t> marks_;   // the touched vertices as a bitmap
  std::vector<double> sum_;            // Σ w_e·w_f (count) or Σ w_e·w_f/(n_k − 1) (newman, custom)
  std::vector<std::uint32_t> touched_;
};

// Rows are dealt to the threads in chunks of consecutive vertices; a chunk's rows go through
// `emit(chunk, row)` in vertex order on one thread, so that the chunks, concatenated in order,
// list the rows in vertex order whatever the thread count. Each thread has its own RowKernel. The
// first exception is rethrown after the team. The chunk count depends on the vertex count only:
// at least 256 vertices a chunk (each chunk's buffer is an allocation), at most 1024 chunks.
std::size_t chunk_count(std::size_t vertices) {
  constexpr std::size_t min_chunk = 256, max_chunks = 1024;
  return std::clamp<std::size_t>(vertices / min_chunk, 1, max_chunks);
}

// `start(chunk, pairs)` is called before a chunk's rows with the number of pairs (u, v > u) its
// rows meet, an upper bound of their edges without top-k.
template <class Start, class Emit>
void for_each_row(const TwoModeGraph& graph, const ProjectionOptions& options, std::span<const std::uint8_t> active,
                  int threads, Start start, Emit emit) {
  const Incidence incidence(graph, options, active);
  const std::size_t n = incidence.vertex_count();
  const std::size_t chunks = chunk_count(n);
  std::exception_ptr failure;
  std::atomic<bool> failed{false};
#pragma omp parallel num_threads(threads)
  {
    std::optional<RowKernel> kernel;
    std::vector<WeightedEdge> row;
#pragma omp for schedule(dynamic, 1)
    for (std::size_t chunk = 0; chunk < chunks; ++chunk) {
      const std::size_t first = chunk * n / chunks, last = (chunk + 1) * n / chunks;
      std::uint64_t pairs = 0;
      for (auto i = incidence.vertex_offsets[first]; i < incidence.vertex_offsets[last]; ++i)
        pairs += incidence.other_offsets[incidence.vertex_others[i] + 1] - incidence.vertex_positions[i] - 1;
      start(chunk, pairs);
      // an OpenMP loop cannot be left early
      for (std::size_t u = first; u < last && !failed.load(std::memory_order_relaxed); ++u) {
        try {
          if (!kernel) kernel.emplace(incidence, options);
          kernel->run(static_cast<std::uint32_t>(u), row);
          emit(chunk, row);
        } catch (...) {
#pragma omp critical(alueverkko_projection_error)
          if (!failure) failure = std::current_exception();
          failed = true;
        }
      }
    }
  }
  if (failure) std::rethrow_exception(failure);
}

// Threads beyond the first pay off only with enough pairs to count: a small projection takes less
// time than waking a thread team.
int thread_count(const TwoModeGraph& graph, const ProjectionOptions& options) {
  constexpr std::uint64_t pairs_per_extra_thread = 50'000;
  const int requested = options.threads > 0 ? options.threads : omp_get_max_threads();
  const std::uint64_t pairs = projection_size(graph, options.onto).max_edges;
  return static_cast<int>(std::clamp<std::uint64_t>(pairs / pairs_per_extra_thread, 1, static_cast<std::uint64_t>(requested)));
}

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

// Whether every pair of vertices meeting in a network gets an edge (then the pairs bound the edges).
bool keeps_every_pair(const ProjectionOptions& options) {
  return options.min_weight <= 0 && options.top_k == 0 && !options.use_membership_weights &&
         options.weighting != ProjectionWeighting::custom;
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
  if (limit == 0) return;
  const SideView side{graph, options.onto == ProjectionSide::rows};
  const std::uint64_t n = side.vertex_count();
  const bool top_k = options.top_k > 0;
  if (projection_peak_bytes(n, projection_size(graph, options.onto).max_edges, top_k, side.labels()) <= limit) return;
  if (keeps_every_pair(options)) {
    std::vector<std::uint64_t> members(side.other_count(), 0);
    for (TwoModeGraph::EdgeId e = 0; e < graph.edge_count(); ++e)
      if (active.empty() || active[e] != 0) ++members[side.other_of(e)];
    const std::uint64_t largest = members.empty() ? 0 : *std::max_element(members.begin(), members.end());
    const std::uint64_t bytes = projection_peak_bytes(n, choose2(largest), top_k, side.labels());
    if (bytes > limit) refuse(n, choose2(largest), true, bytes, limit);
  }
  const auto edges = projected_edge_count(graph, options, active);
  const auto bytes = projection_peak_bytes(n, edges, top_k, side.labels());
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
  size.max_bytes = projection_peak_bytes(size.vertices, size.max_edges, false, side.labels());
  return size;
}

std::uint64_t projected_edge_count(const TwoModeGraph& graph, const ProjectionOptions& options,
                                   std::span<const std::uint8_t> active) {
  check_options(graph, options, active);
  const SideView side{graph, options.onto == ProjectionSide::rows};
  std::vector<std::uint64_t> counts(chunk_count(side.vertex_count()), 0);
  for_each_row(
      graph, options, active, thread_count(graph, options), [](std::size_t, std::uint64_t) {},
      [&](std::size_t chunk, const std::vector<WeightedEdge>& row) { counts[chunk] += row.size(); });
  std::uint64_t total = 0;
  for (const auto c : counts) total += c;
  return total;
}

WeightedGraph project(const TwoModeGraph& graph, const ProjectionOptions& options,
                      std::span<const std::uint8_t> active) {
  check_options(graph, options, active);
  check_size(graph, options, active);
  const SideView side{graph, options.onto == ProjectionSide::rows};
  std::vector<std::vector<WeightedEdge>> per_chunk(chunk_count(side.vertex_count()));
  const int threads = thread_count(graph, options);
  // When every pair meeting in a network gets an edge, the pairs bound a chunk's edges closely
  // enough to size its buffer once: no growth by doubling, no copies, no freed blocks left behind.
  const bool every_pair_kept = keeps_every_pair(options);
  for_each_row(
      graph, options, active, threads,
      [&](std::size_t chunk, std::uint64_t pairs) {
        if (every_pair_kept) per_chunk[chunk].reserve(pairs);
      },
      [&](std::size_t chunk, const std::vector<WeightedEdge>& row) {
        per_chunk[chunk].insert(per_chunk[chunk].end(), row.begin(), row.end());
      });
  const auto labels = side.labels();
  std::vector<std::string> vertex_labels(labels.begin(), labels.end());
  std::size_t total = 0;
  for (const auto& part : per_chunk) total += part.size();

  if (options.top_k > 0) {  // an edge in the top k of both endpoints was emitted twice, with the same weight
    std::vector<WeightedEdge> edges;
    edges.reserve(total);
    for (auto& part : per_chunk) {
      edges.insert(edges.end(), part.begin(), part.end());
      std::vector<WeightedEdge>().swap(part);
    }
    std::sort(edges.begin(), edges.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
      return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    edges.erase(std::unique(edges.begin(), edges.end(),
                            [](const WeightedEdge& a, const WeightedEdge& b) { return a.source == b.source && a.target == b.target; }),
                edges.end());
    return WeightedGraph::from_edges(side.vertex_count(), edges, WeightMeaning::affinity, std::move(vertex_labels));
  }
  // Each row holds partners v > u in ascending order and the chunks are in vertex order: their
  // concatenation is the edge table in canonical order, with no sort and no second copy.
  std::vector<std::pair<WeightedGraph::Vertex, WeightedGraph::Vertex>> endpoints;
  std::vector<double> weights;
  endpoints.reserve(total);
  weights.reserve(total);
  for (auto& part : per_chunk) {
    for (const auto& e : part) {
      endpoints.emplace_back(e.source, e.target);
      weights.push_back(e.weight);
    }
    std::vector<WeightedEdge>().swap(part);
  }
  return WeightedGraph::from_sorted_edges(side.vertex_count(), std::move(endpoints), std::move(weights),
                                          WeightMeaning::affinity, std::move(vertex_labels), threads);
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
