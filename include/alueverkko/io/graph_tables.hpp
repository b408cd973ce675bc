#pragma once
// A graph as two tables, nodes and edges, with the attributes that say what each vertex is: the
// common input of the GraphML, GEXF, GeoJSON and CSV writers (and of pandas), so that every format
// carries the same attributes under the same names.
#include <alueverkko/graph/aggregation.hpp>
#include <alueverkko/graph/projection.hpp>
#include <alueverkko/io/geography_tables.hpp>
#include <alueverkko/io/table.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace alueverkko {

class Dataset;
class Geography;

struct GraphTables {
  // "id" (unique, the vertex label), "label" (the name to show: Gephi's label), then attributes.
  // Missing values: empty strings and NaN reals (writers leave such attributes out).
  Table nodes;
  // "source", "target" (node ids; source before target in node order), "weight", then attributes;
  // sorted by source, then target, in node order.
  Table edges;
  // Integer columns (of nodes or edges) that hold truth values 0/1: written as booleans.
  std::vector<std::string> boolean_columns;
  std::string description;         // what the graph is (GraphML <desc>, GEXF <description>)
  std::string weight_description;  // what "weight" means, e.g. "collaboration affinity (newman) ..."
};

// The words for a projection's weights: "collaboration affinity (newman: Σ 1/(n_k − 1) over shared
// networks); larger = stronger, not a distance".
std::string weight_description(const ProjectionOptions& options);

// A graph known only by its labels: nodes id, label (= id); edges source, target, weight.
GraphTables graph_tables(const WeightedGraph& graph);

// A data set projected onto the actors or places of `level` (project_dataset with `options`).
// Node columns:
//   places   id (code), label (Finnish name), kind (municipality/subregion/region, or the actor kind
//            of a foreign actor kept as itself), place (boolean: a place of the geography), country,
//            name_fi, name_sv, subregion_code (municipality level), region_code (municipality and
//            sub-region levels), population_2021, lon, lat;
//   actors   id (actor id), label (name), kind, country, municipality_code (seat), subregion_code,
//            region_code (of the seat, or of the area an area-wide actor stands for), lon, lat.
// lon/lat (WGS84 degrees): a municipality's centre; for a sub-region or region the mean of its
// municipalities' centres weighted by population_2021; an actor's own coordinates if it has them,
// else those of its seat or area. Throws std::invalid_argument for ActorLevel::country or a label
// that is neither a place of the level nor an actor of the data set.
GraphTables graph_tables(const WeightedGraph& graph, const Dataset& dataset, const Geography& geography,
                         ActorLevel level, const ProjectionOptions& options);

// The two-mode graph (rows: the actors or places of `row_level` as aggregate() makes them; columns:
// networks) with the memberships selected by `active` (empty = all) as edges.
// Nodes: the row columns of graph_tables, then bipartite (0 rows, 1 networks; networkx's
// convention), track and themes ('|'-joined) of networks; kind of a network is its kind (proposal,
// network, …). Edges: source (row), target (network), weight (membership weight), status, role.
// Every row and column is a node, also those without a selected membership. Throws
// std::invalid_argument if a network id equals a row id.
GraphTables two_mode_tables(const Dataset& dataset, const Geography& geography, ActorLevel row_level,
                            std::span<const std::uint8_t> active = {});

// The edge table with the endpoints' labels added: source, target, weight, source_name,
// target_name, then the other edge columns (the CSV edge list).
Table edge_list_with_names(const GraphTables& tables);

// One row per place of `level` (sorted by code), for maps of the places:
//   code, name (Finnish), name_sv, population_2021, networks (networks the place takes part in),
//   member (of which with status member), lead (of which it leads), covered (0/1: networks > 0).
// The counts come from `participation`, the places × networks graph of aggregate() at the same
// level (with the memberships selected there): several actors of a place in one network count once.
Table area_table(const Geography& geography, PlaceLevel level, const TwoModeGraph& participation);

}  // namespace alueverkko
