// Fuzz target: parse_edge_list, a plain weighted edge list `source,target[,weight]`, read once as
// affinities and once as distances. Input: the text of the file.
#include "fuzz_support.hpp"

#include <alueverkko/io/plain_lists.hpp>

#include <cmath>
#include <optional>
#include <set>

using namespace alueverkko;

namespace {

// Vertices are the distinct names, each labelled once; edges join them with finite weights >= 0.
void check_graph(const WeightedGraph& graph) {
  const std::set<std::string> labels(graph.labels().begin(), graph.labels().end());
  fuzz::require(labels.size() == graph.vertex_count());
  for (WeightedGraph::EdgeId e = 0; e < graph.edge_count(); ++e) {
    fuzz::require(graph.edge_source(e) <= graph.edge_target(e) && graph.edge_target(e) < graph.vertex_count());
    fuzz::require(std::isfinite(graph.edge_weight(e)) && graph.edge_weight(e) >= 0);
  }
}

// The graph read with `meaning`, or nullopt if the input was rejected (diagnostics checked).
std::optional<WeightedGraph> parse(std::string_view text, WeightMeaning meaning) {
  try {
    WeightedGraph graph = parse_edge_list(text, "edges.csv", meaning);
    check_graph(graph);
    return graph;
  } catch (const DataError& error) {
    fuzz::check_diagnostics(error, {{"edges.csv", text}});
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const auto affinities = parse(text, WeightMeaning::affinity);
  const auto distances = parse(text, WeightMeaning::distance);
  // Distances only add the "pair listed twice" check: what they accept, affinities accept, with
  // the same vertices.
  if (distances) {
    fuzz::require(affinities.has_value());
    fuzz::require(affinities->vertex_count() == distances->vertex_count());
  }
  return 0;
}
