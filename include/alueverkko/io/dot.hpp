#pragma once
// Graphviz DOT for a weighted graph: ids and labels escaped, edge weights as attributes, and, when
// positions are given, pinned node positions (pos="x,y!") so that `neato -n2` keeps them (maps).
#include <alueverkko/geo/geometry.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <ostream>
#include <span>
#include <string>

namespace alueverkko {

struct DotOptions {
  std::string graph_name = "alueverkko";
  // One per vertex, in points (1/72 inch), if not empty: written as pos="x,y!".
  std::span<const geo::Point> positions;
  // One per vertex, if not empty; else the graph's labels.
  std::span<const std::string> node_labels;
};

void write_dot(const WeightedGraph& graph, std::ostream& out, const DotOptions& options = {});

}  // namespace alueverkko
