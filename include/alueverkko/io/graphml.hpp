#pragma once
// GraphML (http://graphml.graphdrawing.org/) for networkx (read_graphml), Gephi, Cytoscape and yEd:
// one typed <key> per node and edge column of the tables (string, long, double, boolean), the
// graph's description in <desc>, and what "weight" means in the weight key's <desc>.
#include <alueverkko/io/graph_tables.hpp>

#include <ostream>

namespace alueverkko {

// An undirected graph, nodes and edges in table order; every text escaped with xml_escape. Missing
// values (empty strings, NaN) are left out, so readers see no attribute rather than an empty one.
void write_graphml(const GraphTables& tables, std::ostream& out);

}  // namespace alueverkko
