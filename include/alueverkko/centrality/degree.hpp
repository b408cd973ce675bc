#pragma once
// Degree and strength of a one-mode weighted graph.
//   degree    number of incident edge ends; a self-loop counts 2 (networkx G.degree). normalized:
//             divided by n − 1 (networkx degree_centrality; a graph of one vertex gives 1).
//   strength  sum of incident weights, a self-loop's twice (networkx G.degree(weight=...)); the
//             weights as stored, whatever their meaning; never normalized.
#include <alueverkko/centrality/scores.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

namespace alueverkko {

Scores degree_centrality(const WeightedGraph& graph, bool normalized = true);
Scores strength(const WeightedGraph& graph);

}  // namespace alueverkko
