// Fuzz target: parse_edge_list, a plain weighted edge list `source,target[,weight]`, read once as
// affinities and once as distances. What the fast path for well-formed files accepts, the strict
// reader reads to the same graph. Input: the text of the file.
#include "../../src/io/plain_list_paths.hpp"
#include "fuzz_support.hpp"

#include <alueverkko/io/plain_lists.hpp>

#include <algorithm>
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
  if (detail::edge_list_well_formed(text, WeightMeaning::affinity)) {
    const WeightedGraph strict = detail::edge_list_strict(text, "edges.csv", WeightMeaning::affinity);
    fuzz::require(std::ranges::equal(strict.labels(), affinities->labels()));
    fuzz::require(strict.edge_count() == affinities->edge_count());
    for (WeightedGraph::EdgeId e = 0; e < strict.edge_count(); ++e)
      fuzz::require(strict.edge_source(e) == affinities->edge_source(e) && strict.edge_target(e) == affinities->edge_target(e) &&
                    strict.edge_weight(e) == affinities->edge_weight(e));
  }
  return 0;
}
