// Core numbers by the bucket algorithm of Batagelj & Zaversnik (2003): vertices sorted by degree
// with a counting sort, then processed in increasing order of current degree; each processed vertex
// lowers the degree of its unprocessed neighbours of higher degree by one, moving them one bucket
// down in O(1). O(n + m) time, O(n) extra memory.
#include <alueverkko/centrality/coreness.hpp>

#include <cstdint>
#include <vector>

namespace alueverkko {

Scores coreness(const WeightedGraph& graph) {
  using Vertex = WeightedGraph::Vertex;
  const std::size_t n = graph.vertex_count();
  Scores s;
  s.measure = "coreness";
  s.metadata = {{"weights", "unweighted"}, {"normalization", "none"}, {"self-loops", "ignored"}};
  if (n == 0) return s;

  // Degree without self-loops (networkx refuses self-loops; ignoring them gives its result on the
  // graph without them).
  std::vector<std::size_t> degree(n);
  std::size_t max_degree = 0;
  for (Vertex v = 0; v < n; ++v) {
    std::size_t d = 0;
    for (const Vertex u : graph.neighbors(v)) d += (u != v);
    degree[v] = d;
    if (d > max_degree) max_degree = d;
  }

  // bin[d] = first position in `order` of the vertices of current degree d.
  std::vector<std::size_t> bin(max_degree + 2, 0);
  for (Vertex v = 0; v < n; ++v) ++bin[degree[v] + 1];
  for (std::size_t d = 1; d < bin.size(); ++d) bin[d] += bin[d - 1];
  std::vector<Vertex> order(n);
  std::vector<std::size_t> position(n);
  {
    std::vector<std::size_t> next(bin.begin(), bin.end() - 1);
    for (Vertex v = 0; v < n; ++v) {
      position[v] = next[degree[v]]++;
      order[position[v]] = v;
    }
  }

  for (std::size_t i = 0; i < n; ++i) {
    const Vertex v = order[i];
    for (const Vertex u : graph.neighbors(v)) {
      if (degree[u] <= degree[v]) continue;  // also skips the self-loop u == v
      // Move u to the front of its bucket, then shrink the bucket by one: u's degree drops.
      const std::size_t du = degree[u];
      const std::size_t pu = position[u];
      const std::size_t pw = bin[du];
      const Vertex w = order[pw];
      if (u != w) {
        order[pu] = w;
        position[w] = pu;
        order[pw] = u;
        position[u] = pw;
      }
      ++bin[du];
      --degree[u];
    }
  }

  s.values.assign(degree.begin(), degree.end());
  return s;
}

}  // namespace alueverkko
