#pragma once
// Centrality on the two-mode graph itself, normalised for two-mode data as Borgatti & Everett
// (1997) define it (networkx bipartite.degree_centrality, closeness_centrality,
// betweenness_centrality). Values for the rows first (indices 0..rows−1), then the columns
// (rows..rows+columns−1). Unweighted: a membership is an edge. `active` (one flag per edge, see
// select_memberships) restricts the graph; empty = every edge.
//   degree       deg(v) / |other side|
//   closeness    networkx bipartite.closeness_centrality with normalized = true
//   betweenness  vertex betweenness divided by its maximum possible value for v's side
#include <alueverkko/centrality/scores.hpp>
#include <alueverkko/graph/two_mode.hpp>

#include <cstdint>
#include <span>

namespace alueverkko {

Scores two_mode_degree(const TwoModeGraph& graph, std::span<const std::uint8_t> active = {});
Scores two_mode_closeness(const TwoModeGraph& graph, std::span<const std::uint8_t> active = {});
Scores two_mode_betweenness(const TwoModeGraph& graph, std::span<const std::uint8_t> active = {}, int threads = 0);

}  // namespace alueverkko
