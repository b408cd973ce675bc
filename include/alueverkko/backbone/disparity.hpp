#pragma once
// The disparity filter (Serrano, Boguñá & Vespignani 2009, PNAS 106:6483) of a weighted one-mode
// graph: an edge is kept if its weight is an unusually large share of an endpoint's strength.
//
// For vertex i with k_i incident edges (self-loops excluded) and strength s_i = Σ_j w_ij (self-loops
// excluded), the null model spreads s_i over the k_i edges uniformly at random; the share
// p_ij = w_ij / s_i then has P(share >= p_ij) = (1 − p_ij)^(k_i − 1) =: α_ij.
//   - The edge's p-value is min(α_ij, α_ji): the edge is kept if it is significant for at least one
//     endpoint (the usual reading of the paper, e.g. R backbone::disparity and netbone).
//   - An endpoint of degree 1 carries no information (α = (1 − 1)^0 = 1 for its only edge): it is
//     ignored, i.e. it contributes 1 and the edge is judged by its other endpoint. An edge whose two
//     endpoints both have degree 1 (an isolated pair) has p-value 1 and is never kept.
//   - A vertex of strength 0 (all its weights 0) contributes 1. A self-loop is not tested: its
//     p-value is NaN and it is never kept.
// Kept: p < alpha after the correction (significance.hpp; m = the number of tested edges).
// The graph's weights must be affinities (std::invalid_argument for distances).
#include <alueverkko/backbone/significance.hpp>
#include <alueverkko/graph/weighted_graph.hpp>
#include <alueverkko/io/table.hpp>

#include <cstdint>
#include <vector>

namespace alueverkko {

struct DisparityOptions {
  double alpha = 0.05;
  Correction correction = Correction::none;
};

struct DisparityResult {
  std::vector<double> p_values;     // per edge id of the input graph (NaN for self-loops)
  std::vector<std::uint8_t> kept;   // per edge id
  std::uint64_t tests = 0;          // edges tested (m for the correction)
  WeightedGraph backbone;           // the same vertices and labels, the kept edges with their weights
};

// The p-values only (per edge id).
std::vector<double> disparity_p_values(const WeightedGraph& graph);

DisparityResult disparity_filter(const WeightedGraph& graph, const DisparityOptions& options = {});

// One row per edge (per kept edge when `kept_only`), by edge id: source, target (labels), weight,
// p_value, and kept (0/1) unless kept_only. For the command line and pandas.
Table disparity_table(const WeightedGraph& graph, const DisparityResult& result, bool kept_only);

// The subgraph of `graph` with the edges flagged in `kept` (per edge id): same vertices and labels.
WeightedGraph edge_subgraph(const WeightedGraph& graph, std::span<const std::uint8_t> kept);

}  // namespace alueverkko
