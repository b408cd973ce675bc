#pragma once
// Edge lengths for path-based measures (betweenness, closeness, harmonic closeness).
//
// A path measure reads a weight as a length: the longer, the farther. Projected collaboration
// weights are affinities (more shared networks = closer), so using them needs an explicit
// conversion; nothing converts silently:
//   hops      weights ignored, every edge has length 1
//   as given  the graph's weights are distances (WeightMeaning::distance) and are used unchanged
//   inverse   length = 1 / affinity
//   neglog    length = −log(affinity / max affinity): the strongest tie has length 0, and lengths
//             add where affinities multiply (the ratio scale of e.g. a probability of collaboration)
// An affinity of 0 becomes an infinite length (no path through that edge) under both conversions.
#include <alueverkko/graph/weighted_graph.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace alueverkko {

enum class DistanceConversion { none, inverse, neglog };
std::string_view to_string(DistanceConversion conversion) noexcept;

struct PathLengths {
  bool weighted = false;  // false: hop count
  // Required (inverse or neglog) when weighted and the graph holds affinities; must be none when
  // the graph holds distances.
  DistanceConversion conversion = DistanceConversion::none;
};

// One length per edge id, or an empty vector for hops. Throws std::invalid_argument when the
// conversion does not fit the graph's weight meaning (see PathLengths).
std::vector<double> edge_lengths(const WeightedGraph& graph, const PathLengths& lengths);

// The metadata value "weights" of a path measure: "hops", "distance", "distance = 1/affinity" or
// "distance = -log(affinity/max affinity)".
std::string describe(const PathLengths& lengths, WeightMeaning meaning);

}  // namespace alueverkko
