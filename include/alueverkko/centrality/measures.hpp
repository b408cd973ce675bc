#pragma once
// Several vertex measures at once, as one table: the single entry point the command line
// (`alueverkko metrics`) and the Python layer use, so that both compute the same numbers the same way.
//
// Measure names (columns are named after them):
//   degree       degree_centrality; normalized: ÷ (n − 1), raw: the degree (integers)
//   strength     strength: Σ incident weights as stored (affinities or distances); never normalized
//   betweenness  betweenness; normalized as networkx; PathLengths; samples/seed; threads
//   closeness    closeness with wf_improved (networkx's default; `normalized` does not apply); PathLengths
//   harmonic     harmonic_closeness; normalized: ÷ (n − 1) (networkx: raw); PathLengths
//   eigenvector  eigenvector_centrality (unit Euclidean norm)
//   pagerank     pagerank with `damping` (sums to 1)
//   katz         katz_centrality with `katz_alpha`, β = 1 (unit Euclidean norm)
//   core         coreness: the core number (integers)
// Eigenvector, PageRank and Katz read weights as affinities. On a graph whose weights are
// distances they use the unweighted adjacency matrix instead, and say so in their metadata
// ("weights" = "unweighted (the graph's weights are distances)").
#include <alueverkko/centrality/scores.hpp>
#include <alueverkko/core/progress.hpp>
#include <alueverkko/graph/distance.hpp>
#include <alueverkko/graph/weighted_graph.hpp>
#include <alueverkko/io/table.hpp>

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alueverkko {

struct MeasureSettings {
  bool normalized = true;   // degree, betweenness, harmonic
  bool wf_improved = true;  // closeness (Wasserman & Faust scaling, networkx's default)
  // Path measures (betweenness, closeness, harmonic): hops unless weighted; affinities need a
  // conversion, distances are used as given (see graph/distance.hpp).
  PathLengths lengths;
  int threads = 0;                       // 0 = OpenMP's default
  std::size_t betweenness_samples = 0;   // 0 = exact
  std::uint64_t betweenness_seed = 0;
  bool weighted_spectral = true;         // eigenvector, pagerank, katz use the weights (affinities)
  double damping = 0.85;                 // pagerank
  double katz_alpha = 0.1;               // katz
  // Progress of the path measures (betweenness, closeness, harmonic), one after the other: called
  // with the measure's name as it starts, it returns that measure's Progress (core/progress.hpp).
  std::function<Progress(std::string_view measure)> progress{};
};

// How one measure was computed: Scores::metadata of its column.
struct MeasureMetadata {
  std::string measure;
  std::vector<std::pair<std::string, std::string>> metadata;
};

struct MeasureTable {
  // "id" (the vertex labels; the vertex index when the graph has no labels), then one column per
  // measure in the order requested: Integers for core and raw degree, Reals otherwise.
  Table table;
  std::vector<MeasureMetadata> metadata;  // one entry per measure, in the same order
};

// The valid measure names, in the order listed above.
std::span<const std::string_view> measure_names() noexcept;

// Throws std::invalid_argument, naming the valid measures, if a name is unknown, and also if the
// list is empty or names a measure twice. compute_measures checks the same; this lets a caller
// check the request before loading any data.
void check_measure_names(std::span<const std::string> measures);

// Computes `measures` on `graph`. Throws std::invalid_argument (bad names or settings, e.g. a
// distance conversion that does not fit the graph's weights), ConvergenceError (an iterative
// measure did not converge) and Cancelled (a progress callback asked to stop); nothing is returned
// partially.
MeasureTable compute_measures(const WeightedGraph& graph, std::span<const std::string> measures,
                              const MeasureSettings& settings = {});

}  // namespace alueverkko
