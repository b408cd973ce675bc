#include <alueverkko/backbone/disparity.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace alueverkko {
namespace {

// α of the edge at slot a of vertex v (self-loops excluded from k and s); 1 if v has degree <= 1.
struct Endpoint {
  std::size_t k = 0;  // incident edges without self-loops
  double s = 0;       // their weights' sum
};

Endpoint endpoint_of(const WeightedGraph& g, WeightedGraph::Vertex v) {
  Endpoint e;
  const auto targets = g.neighbors(v);
  const auto weights = g.neighbor_weights(v);
  for (std::size_t a = 0; a < targets.size(); ++a)
    if (targets[a] != v) {
      ++e.k;
      e.s += weights[a];
    }
  return e;
}

double alpha_of(const Endpoint& end, double w) {
  if (end.k <= 1 || !(end.s > 0)) return 1.0;
  const double share = std::min(1.0, w / end.s);
  return std::pow(1.0 - share, static_cast<double>(end.k - 1));
}

}  // namespace

std::vector<double> disparity_p_values(const WeightedGraph& graph) {
  if (graph.weight_meaning() != WeightMeaning::affinity)
    throw std::invalid_argument("the disparity filter reads weights as affinities; this graph holds distances");
  std::vector<Endpoint> ends(graph.vertex_count());
  for (WeightedGraph::Vertex v = 0; v < graph.vertex_count(); ++v) ends[v] = endpoint_of(graph, v);
  std::vector<double> p(graph.edge_count());
  for (WeightedGraph::EdgeId e = 0; e < graph.edge_count(); ++e) {
    const auto u = graph.edge_source(e), v = graph.edge_target(e);
    const double w = graph.edge_weight(e);
    p[e] = u == v ? std::numeric_limits<double>::quiet_NaN() : std::min(alpha_of(ends[u], w), alpha_of(ends[v], w));
  }
  return p;
}

WeightedGraph edge_subgraph(const WeightedGraph& graph, std::span<const std::uint8_t> kept) {
  if (kept.size() != graph.edge_count())
    throw std::invalid_argument("edge_subgraph: " + std::to_string(kept.size()) + " flags for " +
                                std::to_string(graph.edge_count()) + " edges");
  std::vector<WeightedEdge> edges;
  for (WeightedGraph::EdgeId e = 0; e < graph.edge_count(); ++e)
    if (kept[e]) edges.push_back({graph.edge_source(e), graph.edge_target(e), graph.edge_weight(e)});
  const auto labels = graph.labels();
  return WeightedGraph::from_edges(graph.vertex_count(), edges, graph.weight_meaning(),
                                   std::vector<std::string>(labels.begin(), labels.end()));
}

Table disparity_table(const WeightedGraph& graph, const DisparityResult& result, bool kept_only) {
  Table::Strings source, target;
  Table::Reals weight, p;
  Table::Integers kept;
  const auto labels = graph.labels();
  for (WeightedGraph::EdgeId e = 0; e < graph.edge_count(); ++e) {
    if (kept_only && !result.kept[e]) continue;
    source.push_back(labels[graph.edge_source(e)]);
    target.push_back(labels[graph.edge_target(e)]);
    weight.push_back(graph.edge_weight(e));
    p.push_back(result.p_values[e]);
    kept.push_back(result.kept[e]);
  }
  Table table;
  table.add_column("source", std::move(source));
  table.add_column("target", std::move(target));
  table.add_column("weight", std::move(weight));
  table.add_column("p_value", std::move(p));
  if (!kept_only) table.add_column("kept", std::move(kept));
  return table;
}

DisparityResult disparity_filter(const WeightedGraph& graph, const DisparityOptions& options) {
  DisparityResult result;
  result.p_values = disparity_p_values(graph);
  for (const double p : result.p_values) result.tests += !std::isnan(p);
  result.kept = significant(result.p_values, options.alpha, options.correction, result.tests);
  result.backbone = edge_subgraph(graph, result.kept);
  return result;
}

}  // namespace alueverkko
