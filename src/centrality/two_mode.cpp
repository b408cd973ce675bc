// Two-mode (bipartite) centrality after Borgatti & Everett (1997), as networkx 2.8's
// bipartite.degree_centrality, closeness_centrality and betweenness_centrality compute it with
// `nodes` = the rows. The bipartite graph is laid out as one WeightedGraph over rows + columns
// (vertex r for row r, rows + c for column c), on which closeness runs a BFS per vertex and
// betweenness reuses the library's Brandes implementation (betweenness.hpp).
#include <alueverkko/centrality/betweenness.hpp>
#include <alueverkko/centrality/two_mode.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace alueverkko {
namespace {

void check_active(const TwoModeGraph& graph, std::span<const std::uint8_t> active) {
  if (!active.empty() && active.size() != graph.edge_count())
    throw std::invalid_argument("two-mode centrality: " + std::to_string(active.size()) + " activity flags for " +
                                std::to_string(graph.edge_count()) + " memberships");
}

bool is_active(std::span<const std::uint8_t> active, std::size_t edge) { return active.empty() || active[edge] != 0; }

// The bipartite graph as one unweighted graph over rows + columns (lengths = hops).
WeightedGraph bipartite_graph(const TwoModeGraph& graph, std::span<const std::uint8_t> active) {
  const auto rows = static_cast<std::uint32_t>(graph.row_count());
  std::vector<WeightedEdge> edges;
  edges.reserve(graph.edge_count());
  const auto memberships = graph.edges();
  for (std::size_t e = 0; e < memberships.size(); ++e)
    if (is_active(active, e)) edges.push_back({memberships[e].row, rows + memberships[e].column, 1.0});
  std::vector<std::string> labels;
  labels.reserve(graph.row_count() + graph.column_count());
  for (const auto& l : graph.row_labels()) labels.push_back(l);
  for (const auto& l : graph.column_labels()) labels.push_back(l);
  return WeightedGraph::from_edges(graph.row_count() + graph.column_count(), edges, WeightMeaning::distance,
                                   std::move(labels));
}

Scores make_scores(const char* measure, std::vector<double> values, const char* weights, const char* normalization) {
  Scores s;
  s.measure = measure;
  s.values = std::move(values);
  s.metadata = {{"weights", weights}, {"normalization", normalization}};
  return s;
}

}  // namespace

Scores two_mode_degree(const TwoModeGraph& graph, std::span<const std::uint8_t> active) {
  check_active(graph, active);
  const std::size_t rows = graph.row_count(), columns = graph.column_count();
  std::vector<double> values(rows + columns, 0.0);
  // An empty side leaves the other without edges: 0 (networkx divides by zero).
  const double row_scale = columns == 0 ? 0.0 : 1.0 / static_cast<double>(columns);
  const double column_scale = rows == 0 ? 0.0 : 1.0 / static_cast<double>(rows);
  for (TwoModeGraph::Index r = 0; r < rows; ++r) {
    std::size_t d = 0;
    for (const auto e : graph.row_edges(r)) d += is_active(active, e);
    values[r] = static_cast<double>(d) * row_scale;
  }
  for (TwoModeGraph::Index c = 0; c < columns; ++c) {
    std::size_t d = 0;
    for (const auto e : graph.column_edges(c)) d += is_active(active, e);
    values[rows + c] = static_cast<double>(d) * column_scale;
  }
  return make_scores("two-mode degree", std::move(values), "unweighted", "degree / size of the other side");
}

Scores two_mode_closeness(const TwoModeGraph& graph, std::span<const std::uint8_t> active) {
  check_active(graph, active);
  const WeightedGraph g = bipartite_graph(graph, active);
  const std::size_t rows = graph.row_count(), columns = graph.column_count();
  const std::size_t total = rows + columns;
  std::vector<double> values(total, 0.0);
  if (total > 1) {
    const auto offsets = g.offsets();
    const auto targets = g.targets();
    // Numerators: the smallest possible distance sum of a vertex of each side.
    const double row_minimum = static_cast<double>(columns) + 2.0 * (static_cast<double>(rows) - 1.0);
    const double column_minimum = static_cast<double>(rows) + 2.0 * (static_cast<double>(columns) - 1.0);
    const auto n = static_cast<std::int64_t>(total);
#pragma omp parallel if (g.edge_count() > 2000)
    {
      std::vector<std::uint32_t> distance(total, UINT32_MAX);
      std::vector<std::uint32_t> queue(total), visited;
      visited.reserve(total);
#pragma omp for schedule(dynamic, 16)
      for (std::int64_t source = 0; source < n; ++source) {
        // BFS from source; the distance sum and the number of vertices reached (itself included).
        std::size_t head = 0, tail = 0;
        queue[tail++] = static_cast<std::uint32_t>(source);
        distance[static_cast<std::size_t>(source)] = 0;
        std::uint64_t sum = 0;
        while (head < tail) {
          const std::uint32_t v = queue[head++];
          for (auto slot = offsets[v]; slot < offsets[v + 1]; ++slot) {
            const std::uint32_t u = targets[slot];
            if (distance[u] != UINT32_MAX) continue;
            distance[u] = distance[v] + 1;
            sum += distance[u];
            queue[tail++] = u;
          }
        }
        for (std::size_t i = 0; i < tail; ++i) distance[queue[i]] = UINT32_MAX;
        if (sum > 0) {
          const auto s = static_cast<std::size_t>(source);
          const double minimum = s < rows ? row_minimum : column_minimum;
          // The same operations in the same order as networkx.
          double c = minimum / static_cast<double>(sum);
          c *= static_cast<double>(tail - 1) / static_cast<double>(total - 1);
          values[s] = c;
        }
      }
    }
  }
  return make_scores("two-mode closeness", std::move(values), "hops",
                     "Borgatti-Everett minimum distance sum / distance sum, times (reached - 1)/(n - 1)");
}

Scores two_mode_betweenness(const TwoModeGraph& graph, std::span<const std::uint8_t> active, int threads) {
  check_active(graph, active);
  const WeightedGraph g = bipartite_graph(graph, active);
  const std::size_t rows = graph.row_count(), columns = graph.column_count();
  std::vector<double> values(rows + columns, 0.0);
  if (rows > 0 && columns > 0) {
    BetweennessOptions options;
    options.lengths = PathLengths{};  // hops
    options.normalized = false;       // networkx's raw undirected values (pairs counted once)
    options.threads = threads;
    values = betweenness(g, options).values;

    // Borgatti & Everett's maximum betweenness of a vertex of one side (networkx's bet_max_top with
    // n = that side's size, m = the other's), in exact integer arithmetic as networkx does.
    const auto maximum = [](std::int64_t n, std::int64_t m) {
      const std::int64_t s = (n - 1) / m, t = (n - 1) % m;
      const std::int64_t twice = m * m * (s + 1) * (s + 1) + m * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3);
      return static_cast<double>(twice) / 2.0;
    };
    const double row_maximum = maximum(static_cast<std::int64_t>(rows), static_cast<std::int64_t>(columns));
    const double column_maximum = maximum(static_cast<std::int64_t>(columns), static_cast<std::int64_t>(rows));
    for (std::size_t v = 0; v < values.size(); ++v) {
      const double maximum_here = v < rows ? row_maximum : column_maximum;
      // A maximum of 0 (one vertex on the other side) admits only betweenness 0; networkx divides
      // 0 by 0 and raises ZeroDivisionError, we return 0.
      values[v] = maximum_here == 0 ? 0.0 : values[v] / maximum_here;
    }
  }
  return make_scores("two-mode betweenness", std::move(values), "hops",
                     "raw betweenness / Borgatti-Everett maximum for the vertex's side");
}

}  // namespace alueverkko
