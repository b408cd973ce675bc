#pragma once
// Edge lengths for path-based measures (betweenness, closeness, harmonic closeness), and the
// single-source shortest-path search they share.
//
// A path measure reads a weight as a length: the longer, the farther. Projected collaboration
// weights are affinities (more shared networks = closer), so using them needs an explicit
// conversion; nothing converts silently:
//   hops      weights ignored, every edge has length 1
//   as given  the graph's weights are distances (WeightMeaning::distance) and are used unchanged
//   inverse   length = 1 / affinity
//   neglog    length = −log(affinity / max affinity): the strongest tie has length 0, and lengths
//             add where affinities multiply (the ratio scale of e.g. a probability of collaboration)
// An affinity of 0 becomes an infinite length (no path through that edge) under both conversions.
#include <alueverkko/core/progress.hpp>
#include <alueverkko/graph/boost_graph.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/property_map/property_map.hpp>

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace alueverkko {

enum class DistanceConversion { none, inverse, neglog };
std::string_view to_string(DistanceConversion conversion) noexcept;

struct PathLengths {
  bool weighted = false;  // false: hop count (conversion is then not used)
  // Required (inverse or neglog) when weighted and the graph holds affinities; must be none when
  // the graph holds distances.
  DistanceConversion conversion = DistanceConversion::none;
};

// One length per edge id, or an empty vector for hops. Throws std::invalid_argument when the
// conversion does not fit the graph's weight meaning (see PathLengths).
std::vector<double> edge_lengths(const WeightedGraph& graph, const PathLengths& lengths);

// The metadata value "weights" of a path measure: "hops", "distance", "distance = 1/affinity" or
// "distance = -log(affinity/max affinity)".
std::string describe(const PathLengths& lengths, WeightMeaning meaning);

// Generic building blocks of the path measures, for any Boost.Graph graph that models
// IncidenceGraph and VertexListGraph with integer vertex descriptors 0..n−1 (vertex_index the
// identity), such as WeightedGraph through graph/boost_graph.hpp.
namespace paths {

// Every edge has length 1: breadth-first search instead of Dijkstra.
struct Hops {};

// Shortest paths from one source at a time, with buffers allocated once and reset in O(reached),
// so one search object per thread serves every source. LengthMap is Hops or a readable property
// map edge → double with lengths >= 0, where +inf means no edge.
//
// After run(s): order() lists the vertices reached, the source first, in non-decreasing distance
// (the order in which they were settled; Dijkstra breaks ties by vertex id); distance(v) and
// paths(v) (σ_sv, the number of shortest s–v paths) are valid for them. Path lengths are compared
// exactly, as networkx does: d(v) + len(v, w) == d(w) makes v a predecessor of w. A predecessor is
// always settled before its successor, so the predecessor graph is acyclic even across edges of
// length 0; such an edge is then on shortest paths in one direction only (the settle order's).
// With CountPaths false the search keeps distances only (paths() is not valid): what closeness
// needs, without the σ updates on every edge.
template <class Graph, class LengthMap = Hops, bool CountPaths = true>
class ShortestPathSearch {
 public:
  using Vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
  using Edge = typename boost::graph_traits<Graph>::edge_descriptor;
  static_assert(std::is_integral_v<Vertex>, "vertex descriptors must be the indices 0..n-1");
  static constexpr bool hops = std::is_same_v<LengthMap, Hops>;
  static constexpr double unreached = std::numeric_limits<double>::infinity();

  ShortestPathSearch(const Graph& graph, LengthMap lengths)
      : graph_(&graph), lengths_(lengths), dist_(num_vertices(graph), unreached),
        sigma_(CountPaths ? num_vertices(graph) : 0, 0.0), order_(num_vertices(graph)) {
    if constexpr (CountPaths) {  // an edge is on the DAG in one direction at most
      dag_.resize(num_edges(graph));
      dag_edge_.resize(num_edges(graph));
      dag_end_.resize(num_vertices(graph));
    }
    if constexpr (!hops) {
      rank_.assign(num_vertices(graph), not_settled);
      heap_.resize(num_vertices(graph));
      heap_position_.assign(num_vertices(graph), not_queued);
    }
  }

  void run(Vertex source);

  [[nodiscard]] std::span<const Vertex> order() const noexcept { return {order_.data(), reached_}; }
  [[nodiscard]] double distance(Vertex v) const noexcept { return dist_[v]; }
  [[nodiscard]] double paths(Vertex v) const noexcept { return sigma_[v]; }

  // The shortest-path DAG of the last run, recorded as the search went (with path counts): at most
  // one entry per edge, read back without re-scanning the graph.
  // BFS: calls f(edge, w) for each successor w of v = order()[i] (found while v was expanded).
  template <class F>
  void for_each_successor(std::size_t i, F&& f) const {
    static_assert(hops && CountPaths);
    for (auto k = dag_begin(i); k < dag_end_[i]; ++k) f(dag_edge_[k], dag_[k]);
  }
  // Dijkstra: calls f(edge, u) for each predecessor u of w = order()[i] (found when w was settled:
  // a tentative successor may still lose that role while its distance shrinks).
  template <class F>
  void for_each_predecessor(std::size_t i, F&& f) const {
    static_assert(!hops && CountPaths);
    for (auto k = dag_begin(i); k < dag_end_[i]; ++k) f(dag_edge_[k], dag_[k]);
  }

 private:
  std::size_t dag_begin(std::size_t i) const { return i == 0 ? 0 : dag_end_[i - 1]; }

  static constexpr std::uint32_t not_settled = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint32_t not_queued = std::numeric_limits<std::uint32_t>::max();

  // Dijkstra's queue: a 4-ary min-heap of (distance, vertex) entries ordered by distance, then
  // vertex id, indexed so that a shorter distance moves a vertex up in place (at most one entry per
  // vertex, no stale entries). The keys sit in the entries, so comparisons read the heap only.
  struct HeapEntry {
    double distance;
    Vertex vertex;
    bool operator<(const HeapEntry& other) const noexcept {
      return distance < other.distance || (distance == other.distance && vertex < other.vertex);
    }
  };
  void heap_place(std::uint32_t at, HeapEntry entry) noexcept {
    heap_[at] = entry;
    heap_position_[entry.vertex] = at;
  }
  // Puts `entry` at `at` or above it, for an entry new at the end or whose distance shrank.
  void heap_up(std::uint32_t at, HeapEntry entry) noexcept {
    while (at > 0) {
      const std::uint32_t parent = (at - 1) / 4;
      if (!(entry < heap_[parent])) break;
      heap_place(at, heap_[parent]);
      at = parent;
    }
    heap_place(at, entry);
  }
  Vertex heap_pop() noexcept;

  const Graph* graph_;
  LengthMap lengths_;
  std::vector<double> dist_, sigma_;
  std::vector<Vertex> order_;  // the first reached_ entries; BFS: also the queue
  std::size_t reached_ = 0;
  // With path counts: the DAG entries of order_[i] (BFS: its successors, Dijkstra: its
  // predecessors) are dag_[dag_end_[i − 1] .. dag_end_[i]), with their edges.
  std::vector<Vertex> dag_;
  std::vector<Edge> dag_edge_;
  std::vector<std::size_t> dag_end_;
  std::vector<std::uint32_t> rank_;           // Dijkstra: position in order_, or not_settled
  std::vector<HeapEntry> heap_;               // Dijkstra: the first heap_size_ entries
  std::vector<std::uint32_t> heap_position_;  // Dijkstra: index in heap_, or not_queued
  std::uint32_t heap_size_ = 0;
};

template <class Graph, class LengthMap, bool CountPaths>
auto ShortestPathSearch<Graph, LengthMap, CountPaths>::heap_pop() noexcept -> Vertex {
  const Vertex top = heap_[0].vertex;
  heap_position_[top] = not_queued;
  const HeapEntry last = heap_[--heap_size_];
  if (heap_size_ == 0) return top;
  std::uint32_t at = 0;
  for (;;) {  // sift `last` down from the root
    const std::uint32_t first_child = 4 * at + 1;
    if (first_child >= heap_size_) break;
    std::uint32_t best = first_child;
    const std::uint32_t children_end = std::min(first_child + 4, heap_size_);
    for (std::uint32_t c = first_child + 1; c < children_end; ++c)
      if (heap_[c] < heap_[best]) best = c;
    if (!(heap_[best] < last)) break;
    heap_place(at, heap_[best]);
    at = best;
  }
  heap_place(at, last);
  return top;
}

// The loops read the graph and the buffers through local pointers and write the queue without
// push_back, so that no call inside them makes the compiler reload a pointer per edge.
template <class Graph, class LengthMap, bool CountPaths>
void ShortestPathSearch<Graph, LengthMap, CountPaths>::run(Vertex source) {
  double* const dist = dist_.data();
  double* const sigma = sigma_.data();
  Vertex* const order = order_.data();
  for (std::size_t i = 0; i < reached_; ++i) {
    const Vertex v = order[i];
    dist[v] = unreached;
    if constexpr (CountPaths) sigma[v] = 0.0;
    if constexpr (!hops) rank_[v] = not_settled;
  }
  reached_ = 0;
  dist[source] = 0.0;
  if constexpr (CountPaths) sigma[source] = 1.0;
  const Graph& g = *graph_;
  if constexpr (hops) {
    std::size_t tail = 0;
    order[tail++] = source;
    std::size_t found = 0;  // successors recorded
    for (std::size_t head = 0; head < tail; ++head) {
      const Vertex v = order[head];
      const double next = dist[v] + 1.0;
      const double paths_v = CountPaths ? sigma[v] : 0.0;  // w = v never gains (dist[v] != next)
      for (auto [it, end] = out_edges(v, g); it != end; ++it) {
        const Vertex w = target(*it, g);
        double dw = dist[w];
        if (dw == unreached) {
          dist[w] = dw = next;
          order[tail++] = w;
        }
        if constexpr (CountPaths) {
          if (dw == next) {
            sigma[w] += paths_v;
            dag_[found] = w;
            dag_edge_[found++] = *it;
          }
        }
      }
      if constexpr (CountPaths) dag_end_[head] = found;
    }
    reached_ = tail;
  } else {
    std::uint32_t* const rank = rank_.data();
    heap_size_ = 0;
    heap_place(heap_size_++, {0.0, source});
    std::size_t found = 0;  // predecessors recorded
    while (heap_size_ > 0) {
      const Vertex v = heap_pop();
      rank[v] = static_cast<std::uint32_t>(reached_);
      order[reached_++] = v;
      for (auto [it, end] = out_edges(v, g); it != end; ++it) {
        const Vertex w = target(*it, g);
        const double length = get(lengths_, *it);
        if (rank[w] != not_settled) {  // settled before v: a predecessor if on a shortest path
          if (CountPaths && dist[w] + length == dist[v]) {
            dag_[found] = w;
            dag_edge_[found++] = *it;
          }
          continue;
        }
        const double d = dist[v] + length;
        if (d == unreached) continue;  // an infinite length is no edge
        if (d < dist[w]) {
          dist[w] = d;
          if constexpr (CountPaths) sigma[w] = sigma[v];
          const std::uint32_t at = heap_position_[w];
          heap_up(at == not_queued ? heap_size_++ : at, {d, w});
        } else if (CountPaths && d == dist[w]) {
          sigma[w] += sigma[v];
        }
      }
      if constexpr (CountPaths) dag_end_[reached_ - 1] = found;
    }
  }
}

// `threads` as asked, except that automatic (0) means one thread for a job of fewer than about a
// million elementary steps (a few ms): waking a team costs tens of µs on an idle machine and
// milliseconds on a busy one, more than such a job saves. `steps`: tasks × steps per task.
inline int threads_for(int threads, double steps) noexcept { return threads == 0 && steps < 1e6 ? 1 : threads; }

// The team size for `count` tasks: `threads` (0 = OpenMP's default), at most one per task.
inline int team_size(std::size_t count, int threads) {
  const auto wanted = static_cast<std::size_t>(threads > 0 ? threads : omp_get_max_threads());
  return static_cast<int>(std::max<std::size_t>(1, std::min(wanted, count)));
}

// Runs body(state, i) for i = 0..count−1 on an OpenMP team of team_size(count, threads) threads,
// each with one state from make_state() (its buffers, allocated once); for tasks whose results are
// independent of each other (each writes its own output). An exception in any thread is rethrown
// here after the team has finished.
// With a `progress` callback, every task done is counted, the calling thread (team member 0)
// reports (also while waiting for the others once its own tasks are done), and every thread
// checks between tasks whether to stop; Cancelled is thrown after the team has finished. Without
// one, the loop is the plain one: no counting, no checks.
template <class MakeState, class Body>
void parallel_states(std::size_t count, int threads, MakeState make_state, Body body, const Progress& progress = {}) {
  std::exception_ptr error;
  ProgressTracker tracker(progress, count);
#pragma omp parallel num_threads(team_size(count, threads))
  {
    const auto thread = static_cast<std::size_t>(omp_get_thread_num());
    const auto team = static_cast<std::size_t>(omp_get_num_threads());
    try {
      auto state = make_state();
      if (!progress) {
        for (std::size_t i = thread; i < count; i += team) body(state, i);
      } else {
        for (std::size_t i = thread; i < count && !tracker.stopped(); i += team) {
          body(state, i);
          tracker.task_done(thread == 0);
        }
        if (thread == 0) tracker.report_until_done();
      }
    } catch (...) {
      tracker.stop();
#pragma omp critical(alueverkko_paths_error)
      if (!error) error = std::current_exception();
    }
  }
  if (error) std::rethrow_exception(error);
  tracker.finish();
}

// The number of blocks parallel_block_sums() cuts its tasks into: enough to balance the threads,
// few enough that folding a block (O(size of the sums)) costs nothing next to its tasks.
inline constexpr std::size_t sum_blocks = 256;

// For tasks whose results are summed (betweenness: one dependency vector per source), with totals
// that do not depend on the number of threads, to the last bit. The tasks 0..count−1 are cut into
// consecutive blocks whose size depends on `count` only. A thread takes the next block, runs its
// tasks in order with body(workspace, sums, i) adding into a block-sums object from make_sums()
// (zero), and hands it over: fold(sums) adds it to the caller's totals and zeroes it, always in
// block order. So every total is the same sequence of floating-point additions for any team.
// A block finished before the ones ahead of it waits in a queue instead of its thread, which goes
// on with the next block; only when the queue holds a team's worth does a thread wait, which
// bounds the block sums alive to twice the team. Each thread has one workspace from
// make_workspace() (search buffers). `threads`, `progress` and errors as parallel_states.
template <class MakeWorkspace, class MakeSums, class Body, class Fold>
void parallel_block_sums(std::size_t count, int threads, MakeWorkspace make_workspace, MakeSums make_sums, Body body,
                         Fold fold, const Progress& progress = {}) {
  using Sums = decltype(make_sums());
  const std::size_t block = std::max<std::size_t>(1, (count + sum_blocks - 1) / sum_blocks);
  const std::size_t blocks = (count + block - 1) / block;
  const int team = team_size(blocks, threads);
  std::atomic<std::size_t> next_block{0};
  std::mutex mutex;  // guards what follows
  std::condition_variable folded;
  std::size_t next_fold = 0;
  std::map<std::size_t, Sums> waiting;  // finished blocks after next_fold
  std::vector<Sums> spare;
  std::exception_ptr error;
  ProgressTracker tracker(progress, count);
  const auto fail = [&] {
    const std::lock_guard lock(mutex);
    tracker.stop();
    if (!error) error = std::current_exception();
    folded.notify_all();
  };
  // Folds `sums` (block b) now if it is next, else queues it; false if it was queued.
  const auto hand_over = [&](std::size_t b, Sums& sums) {
    std::unique_lock lock(mutex);
    folded.wait(lock, [&] { return b == next_fold || waiting.size() < static_cast<std::size_t>(team) || tracker.stopped(); });
    if (tracker.stopped()) return true;
    if (b != next_fold) {
      waiting.emplace(b, std::move(sums));
      return false;
    }
    fold(sums);
    for (++next_fold; !waiting.empty() && waiting.begin()->first == next_fold; ++next_fold) {
      fold(waiting.begin()->second);
      spare.push_back(std::move(waiting.begin()->second));
      waiting.erase(waiting.begin());
    }
    folded.notify_all();
    return true;
  };
#pragma omp parallel num_threads(team)
  {
    const bool reporter = omp_get_thread_num() == 0;
    try {
      auto workspace = make_workspace();
      std::optional<Sums> sums;
      for (std::size_t b; !tracker.stopped() && (b = next_block.fetch_add(1)) < blocks;) {
        if (!sums) {
          std::unique_lock lock(mutex);
          if (!spare.empty()) {
            sums.emplace(std::move(spare.back()));
            spare.pop_back();
          } else {
            lock.unlock();
            sums.emplace(make_sums());
          }
        }
        const std::size_t end = std::min(count, (b + 1) * block);
        for (std::size_t i = b * block; i < end && !tracker.stopped(); ++i) {
          body(workspace, *sums, i);
          tracker.task_done(reporter);
        }
        if (!tracker.stopped() && !hand_over(b, *sums)) sums.reset();
      }
    } catch (...) {
      fail();
    }
    if (tracker.stopped()) {  // wake whoever waits for a block that will not come
      const std::lock_guard lock(mutex);
      folded.notify_all();
    }
    if (reporter) tracker.report_until_done();
  }
  if (error) std::rethrow_exception(error);
  tracker.finish();
}

// Calls f(g, length_map) with what `lengths` asks for: (graph, Hops{}); (graph, its edge_weight
// map) when the weights are distances; or (a copy of graph whose weights are the converted
// lengths, its edge_weight map), so that the search reads one length per CSR slot, as fast as a
// stored weight. Edge ids are the graph's in every case. Throws as edge_lengths does.
template <class F>
auto with_lengths(const WeightedGraph& graph, const PathLengths& lengths, F&& f) {
  if (!lengths.weighted) return f(graph, Hops{});
  if (graph.weight_meaning() == WeightMeaning::distance && lengths.conversion == DistanceConversion::none)
    return f(graph, get(boost::edge_weight, graph));
  const WeightedGraph distances = graph.with_weights(edge_lengths(graph, lengths), WeightMeaning::distance);
  return f(distances, get(boost::edge_weight, distances));
}

}  // namespace paths

// The searches the measures run on WeightedGraph, compiled once in src/graph/distance.cpp: hops,
// and the graph's own weights as lengths (affinities converted to a distance graph first); with
// path counts (betweenness) and without (closeness).
extern template class paths::ShortestPathSearch<WeightedGraph, paths::Hops>;
extern template class paths::ShortestPathSearch<WeightedGraph, ArcWeightMap>;
extern template class paths::ShortestPathSearch<WeightedGraph, paths::Hops, false>;
extern template class paths::ShortestPathSearch<WeightedGraph, ArcWeightMap, false>;

}  // namespace alueverkko
