#pragma once
// What every centrality measure returns: one value per vertex (per edge id for edge betweenness)
// and how the values were computed, so a number can be traced to its parameters.
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alueverkko {

struct Scores {
  std::string measure;          // e.g. "betweenness"
  std::vector<double> values;   // indexed by vertex (or edge id)
  // Key → value, in the order set: "weights" (how weights were used, e.g. "hops",
  // "distance = 1/affinity"), "normalization", "iterations", "samples", "seed", …
  std::vector<std::pair<std::string, std::string>> metadata;

  // The value of a metadata key, or nullptr.
  [[nodiscard]] const std::string* find(std::string_view key) const noexcept {
    for (const auto& [k, v] : metadata)
      if (k == key) return &v;
    return nullptr;
  }
};

// An iterative measure (eigenvector, PageRank, Katz) did not reach its tolerance within
// max_iterations; like networkx's PowerIterationFailedConvergence, no partial result is returned.
struct ConvergenceError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace alueverkko
