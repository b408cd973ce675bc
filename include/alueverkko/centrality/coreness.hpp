#pragma once
// Core number of every vertex: the largest k such that the vertex belongs to a subgraph where
// every vertex has degree >= k (Batagelj & Zaversnik 2003, O(m)). Unweighted; self-loops are
// ignored (networkx refuses graphs with self-loops; without them the results are networkx's
// core_number). Values are the core numbers as doubles; isolated vertices 0; the empty graph gives
// empty values. Metadata: "weights" = "unweighted", "normalization" = "none", "self-loops" = "ignored".
#include <alueverkko/centrality/scores.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

namespace alueverkko {

Scores coreness(const WeightedGraph& graph);

}  // namespace alueverkko
