#pragma once
// Centrality on the two-mode graph itself, normalised for two-mode data as Borgatti & Everett
// (1997) define it (networkx bipartite.degree_centrality, closeness_centrality,
// betweenness_centrality). Values for the rows first (indices 0..rows−1), then the columns
// (rows..rows+columns−1). Unweighted: a membership is an edge. `active` (one flag per edge, see
// select_memberships) restricts the graph; empty = every edge.
// With n rows, m columns and N = n + m vertices:
//   degree       deg(v) / |other side|
//   closeness    networkx bipartite.closeness_centrality with normalized = true, exactly:
//                  row v:    (m + 2(n − 1)) / Σ_u d(v, u) · (r_v − 1)/(N − 1)
//                  column v: (n + 2(m − 1)) / Σ_u d(v, u) · (r_v − 1)/(N − 1)
//                where the sum runs over the r_v vertices v reaches (itself included) and 0 if it
//                reaches none. The numerator is Borgatti & Everett's smallest possible distance sum
//                of a vertex of v's side in a connected two-mode graph of this size, and the factor
//                is Wasserman & Faust's reach correction. The two do not combine into a value in
//                [0, 1] on a disconnected graph: the numerator still counts the whole graph, so a
//                vertex of a small component can score above 1 (a row whose only neighbour is a
//                column of degree 1 scores (m + 2(n − 1))/(N − 1)).
//   betweenness  raw vertex betweenness of the whole bipartite graph (hops, pairs counted once:
//                networkx betweenness_centrality(normalized=False)) divided by Borgatti & Everett's
//                maximum for v's side, with s, t = divmod(n − 1, m):
//                  row max = [m²(s+1)² + m(s+1)(2t − s − 1) − t(2s − t + 3)] / 2
//                and the column max the same with n and m swapped (networkx bipartite
//                betweenness_centrality). Runs betweenness() (betweenness.hpp); `threads` as there.
// Where networkx divides by zero we return 0: degree and betweenness with an empty side (no
// edges), and betweenness for a side whose maximum is 0 (the other side has one vertex, so no
// vertex of this side can lie between two others).
// Metadata: "weights" ("unweighted" for degree, "hops" for the path measures), "normalization".
// Throws std::invalid_argument if `active` is neither empty nor one flag per edge.
#include <alueverkko/centrality/scores.hpp>
#include <alueverkko/graph/two_mode.hpp>

#include <cstdint>
#include <span>

namespace alueverkko {

Scores two_mode_degree(const TwoModeGraph& graph, std::span<const std::uint8_t> active = {});
Scores two_mode_closeness(const TwoModeGraph& graph, std::span<const std::uint8_t> active = {});
Scores two_mode_betweenness(const TwoModeGraph& graph, std::span<const std::uint8_t> active = {}, int threads = 0);

}  // namespace alueverkko
