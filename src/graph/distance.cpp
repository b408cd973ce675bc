#include <alueverkko/graph/distance.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace alueverkko {

template class paths::ShortestPathSearch<WeightedGraph, paths::Hops>;
template class paths::ShortestPathSearch<WeightedGraph, ArcWeightMap>;
template class paths::ShortestPathSearch<WeightedGraph, paths::Hops, false>;
template class paths::ShortestPathSearch<WeightedGraph, ArcWeightMap, false>;

std::string_view to_string(DistanceConversion conversion) noexcept {
  switch (conversion) {
    case DistanceConversion::inverse: return "inverse";
    case DistanceConversion::neglog: return "neglog";
    case DistanceConversion::none: break;
  }
  return "none";
}

std::vector<double> edge_lengths(const WeightedGraph& graph, const PathLengths& lengths) {
  if (!lengths.weighted) return {};
  const bool affinities = graph.weight_meaning() == WeightMeaning::affinity;
  if (affinities && lengths.conversion == DistanceConversion::none)
    throw std::invalid_argument(
        "the graph's weights are affinities; path measures need them as distances: choose conversion inverse "
        "or neglog, or use hops");
  if (!affinities && lengths.conversion != DistanceConversion::none)
    throw std::invalid_argument("the graph's weights are already distances; conversion " +
                                std::string(to_string(lengths.conversion)) +
                                " applies to affinities: choose conversion none");

  std::vector<double> result(graph.edge_count());
  for (WeightedGraph::EdgeId e = 0; e < result.size(); ++e) result[e] = graph.edge_weight(e);
  constexpr double infinity = std::numeric_limits<double>::infinity();
  switch (lengths.conversion) {
    case DistanceConversion::none: break;
    case DistanceConversion::inverse:
      for (double& w : result) w = w == 0 ? infinity : 1.0 / w;
      break;
    case DistanceConversion::neglog: {
      const double max = result.empty() ? 0.0 : *std::max_element(result.begin(), result.end());
      // + 0.0 turns the −0 of the strongest ties into +0.
      for (double& w : result) w = w == 0 ? infinity : -std::log(w / max) + 0.0;
      break;
    }
  }
  return result;
}

std::string describe(const PathLengths& lengths, WeightMeaning meaning) {
  if (!lengths.weighted) return "hops";
  switch (lengths.conversion) {
    case DistanceConversion::inverse: return "distance = 1/affinity";
    case DistanceConversion::neglog: return "distance = -log(affinity/max affinity)";
    case DistanceConversion::none: break;
  }
  return std::string(to_string(meaning));  // "distance" (edge_lengths refuses unconverted affinities)
}

}  // namespace alueverkko
