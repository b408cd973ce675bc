#pragma once
// One-mode projections of a two-mode graph: rows × rows (actors or places that share networks) or
// columns × columns (networks that share members). The result is an affinity-weighted CSR graph.
//
// Weightings, for vertices i, j with neighbour sets N(i), N(j) on the other side, n_k = |N(k)|, and
// w_ik the membership weight (1 unless use_membership_weights):
//   count    Σ_{k ∈ N(i)∩N(j)} w_ik·w_jk — shared networks (networkx bipartite.weighted_projected_graph)
//   newman   Σ_{k ∈ N(i)∩N(j)} w_ik·w_jk / (n_k − 1) — Newman's collaboration weight; a k with one
//            member adds nothing (networkx bipartite.collaboration_weighted_projected_graph)
//   jaccard  |N(i)∩N(j)| / |N(i)∪N(j)| (networkx overlap_weighted_projected_graph, jaccard=True)
//   overlap  |N(i)∩N(j)| / min(|N(i)|, |N(j)|) (same, jaccard=False)
//   custom   a callable of the pair's statistics
// jaccard, overlap and custom count memberships, not weights: combining them with
// use_membership_weights is an error. Pairs that share nothing have no edge.
#include <alueverkko/graph/two_mode.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <cstdint>
#include <functional>
#include <stdexcept>

namespace alueverkko {

enum class ProjectionSide { rows, columns };
enum class ProjectionWeighting { count, newman, jaccard, overlap, custom };
std::string_view to_string(ProjectionWeighting weighting) noexcept;

// What a custom weighting sees for one pair i < j.
struct PairStatistics {
  std::uint32_t i = 0, j = 0;
  double shared = 0;         // |N(i)∩N(j)|
  double degree_i = 0, degree_j = 0;  // |N(i)|, |N(j)|
  double newman = 0;         // Σ 1/(n_k − 1) over shared k
};

struct ProjectionOptions {
  ProjectionSide onto = ProjectionSide::rows;
  ProjectionWeighting weighting = ProjectionWeighting::count;
  bool use_membership_weights = false;
  std::function<double(const PairStatistics&)> custom;  // for ProjectionWeighting::custom
  // Applied while projecting: an edge is kept if its weight >= min_weight (and > 0) and, when
  // top_k > 0, it is among the top_k heaviest edges of at least one endpoint (ties: smaller id first).
  double min_weight = 0;
  std::size_t top_k = 0;
  // The memory guard: refuse (ProjectionTooLarge) before allocating a projection that would need
  // more bytes than this at its peak; 0 = no limit. Checked with projection_size()'s bound first,
  // and when that exceeds the limit, with the exact edge count (projected_edge_count()).
  std::uint64_t max_bytes = 0;
  int threads = 0;  // 0 = OpenMP's default
};

struct ProjectionSize {
  std::uint64_t vertices = 0;
  // Upper bound of the edge count: min(Σ_k C(n_k, 2), C(vertices, 2)).
  std::uint64_t max_edges = 0;
  // Upper bound of the bytes alive at the peak of project() without top-k: the resulting
  // WeightedGraph (CSR arrays and edge table, 48 B per edge; the rows found are moved into the edge
  // table before the CSR is built), CSR offsets and labels. Top-k sorts through one more copy.
  std::uint64_t max_bytes = 0;
};

struct ProjectionTooLarge : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Estimates the projection's size without computing it (O(vertices + columns)).
ProjectionSize projection_size(const TwoModeGraph& graph, ProjectionSide onto);

// The number of edges project() would return (with top_k: at most; an edge in the top k of both
// endpoints is counted twice), computed as project() does but without storing an edge: the time
// of a projection, the memory of one row per thread.
std::uint64_t projected_edge_count(const TwoModeGraph& graph, const ProjectionOptions& options,
                                   std::span<const std::uint8_t> active = {});

// `active`: one flag per edge of `graph` (select_memberships); empty = every edge. Inactive
// memberships count for nothing, also not in n_k or |N(i)|. Vertices are all rows (or columns),
// labelled as in the two-mode graph; the weights are affinities.
WeightedGraph project(const TwoModeGraph& graph, const ProjectionOptions& options,
                      std::span<const std::uint8_t> active = {});

// Every pair that shares something, with its statistics (for weightings computed elsewhere, e.g.
// a vectorised Python function): one entry per pair i < j, grouped by i.
struct PairTable {
  std::vector<std::uint32_t> i, j;
  std::vector<double> shared, degree_i, degree_j, newman;
};
PairTable pair_statistics(const TwoModeGraph& graph, ProjectionSide onto, std::span<const std::uint8_t> active = {});

// Keeps an edge if it is among the k heaviest of at least one endpoint (ties: smaller neighbour id
// first) — the rule ProjectionOptions::top_k applies while projecting.
WeightedGraph keep_top_k(const WeightedGraph& graph, std::size_t k);

}  // namespace alueverkko
