#pragma once
// GEXF 1.2draft (https://gexf.net/) for Gephi and networkx (read_gexf): the node column "label" as
// the node's label, "weight" as the edge's built-in weight, the other columns as typed attributes
// (<attributes class="node"> / class="edge": string, long, double, boolean), the description (with
// what the weights mean) in <meta><description>.
#include <alueverkko/geo/geometry.hpp>
#include <alueverkko/io/graph_tables.hpp>

#include <ostream>
#include <span>

namespace alueverkko {

struct GexfOptions {
  // One per node, if not empty: written as <viz:position x y>, so Gephi opens with that layout
  // (e.g. places on the map). Gephi's y axis points up, as northing does.
  std::span<const geo::Point> positions;
};

// An undirected static graph, nodes and edges in table order (edge ids 0, 1, …); every text escaped
// with xml_escape; missing values (empty strings, NaN) left out.
void write_gexf(const GraphTables& tables, std::ostream& out, const GexfOptions& options = {});

}  // namespace alueverkko
