#pragma once
// Eigenvector, PageRank and Katz centrality: iterative measures that read weights as affinities
// (a graph of distances is refused when weighted). Each iterates until the L1 change of the
// vector is below n·tolerance (networkx's criterion) and throws ConvergenceError otherwise.
//   eigenvector  power iteration on A + I from the all-ones vector (networkx
//                eigenvector_centrality), result scaled to unit Euclidean norm
//   pagerank     x ← d·(P^T x + dangling mass·p) + (1 − d)·p, P the weight-proportional transition
//                matrix, p the personalization (uniform if empty; normalised to sum 1), dangling
//                vertices (no edges) distribute their mass by p; result sums to 1 (networkx pagerank)
//   katz         x ← α·A x + β, result scaled to unit Euclidean norm when normalized
//                (networkx katz_centrality)
// Self-loops count once in A (networkx's adjacency matrix).
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
