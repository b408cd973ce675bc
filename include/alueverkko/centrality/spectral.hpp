#pragma once
// Eigenvector, PageRank and Katz centrality: iterative measures that read weights as affinities
// (a graph of distances is refused when weighted). Each iterates until the L1 change of the
// vector is below n·tolerance (networkx's criterion) and throws ConvergenceError otherwise.
//   eigenvector  power iteration on A + I from the all-ones vector divided by n (networkx
//                eigenvector_centrality), scaled to unit Euclidean norm after every step
//   pagerank     x ← d·(P^T x + dangling mass·p) + (1 − d)·p, P the weight-proportional transition
//                matrix, p the personalization (uniform if empty; normalised to sum 1), dangling
//                vertices (no edges) distribute their mass by p; result sums to 1 (networkx pagerank)
//   katz         x ← α·A x + β, result scaled to unit Euclidean norm when normalized
//                (networkx katz_centrality)
// Self-loops count once in A (networkx's adjacency matrix; in the python loops G[v] lists v once,
// and the directed copy PageRank walks has one arc v→v, counted once in v's out-strength).
//
// Corner cases, as networkx 2.8 (the iterations are networkx's step for step, same start vector,
// same stopping rule, so results agree to rounding):
//   empty graph       empty values (networkx: {} for pagerank and katz; eigenvector raises
//                     NetworkXPointlessConcept, we return empty values instead)
//   eigenvector, disconnected graph  no renormalisation per component: from the uniform start the
//                     component(s) with the largest eigenvalue dominate, the others decay
//                     geometrically and keep the small positive values they have when the L1
//                     criterion stops the iteration (networkx reports the same remainders)
//   pagerank, dangling vertices      vertices of out-strength 0 (isolated, or every edge of weight
//                     0) hand their mass to the personalization vector
//   katz              starts from the zero vector; a zero result (beta = 0) is left unscaled
//   zero weights      an edge of weight 0 contributes nothing (as in networkx's sums)
// Metadata: "weights" ("affinity" or "unweighted"), "normalization", "iterations" (performed),
// "max_iterations", "tolerance"; pagerank adds "damping", "personalization" ("uniform" or "given")
// and "dangling"; katz adds "alpha" and "beta".
// Throws std::invalid_argument for a distance-weighted graph when weighted, a negative or
// non-finite tolerance, damping outside [0, 1], or a personalization of the wrong size, with
// negative or non-finite values, or all 0. Large graphs run the sparse products with OpenMP.
#include <alueverkko/centrality/scores.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <vector>

namespace alueverkko {

struct EigenvectorOptions {
  bool weighted = true;
  std::size_t max_iterations = 100;
  double tolerance = 1e-6;
};

struct PageRankOptions {
  double damping = 0.85;
  bool weighted = true;
  std::vector<double> personalization;  // one value >= 0 per vertex, not all 0; empty = uniform
  std::size_t max_iterations = 100;
  double tolerance = 1e-6;
};

struct KatzOptions {
  double alpha = 0.1;
  double beta = 1.0;
  bool weighted = true;
  bool normalized = true;
  std::size_t max_iterations = 1000;
  double tolerance = 1e-6;
};

Scores eigenvector_centrality(const WeightedGraph& graph, const EigenvectorOptions& options = {});
Scores pagerank(const WeightedGraph& graph, const PageRankOptions& options = {});
Scores katz_centrality(const WeightedGraph& graph, const KatzOptions& options = {});

}  // namespace alueverkko
