#pragma once
// GeoJSON (RFC 7946: WGS84 longitude/latitude, exterior rings counter-clockwise) for QGIS, GDAL and
// web maps: one FeatureCollection with up to three kinds of features, told apart by the property
// "feature_kind" (filter on it in QGIS):
//   "area"   the polygons of the places of a level (Polygon or MultiPolygon) with a table's
//            columns as properties (e.g. area_table(): code, name, population, networks, covered, …
//            plus any value a map colours the places by);
//   "edge"   collaboration edges as LineStrings between the endpoints' lon/lat, with the edge
//            columns (source, target, weight, source_name, target_name, …);
//   "place"  the graph's nodes that have lon/lat, as Points, with the node columns.
// Areas come first, then edges, then places, so that a viewer drawing in file order puts points on
// top. Missing values (NaN, empty strings of the node table) are written as null.
#include <alueverkko/geo/boundaries.hpp>
#include <alueverkko/geo/geometry.hpp>
#include <alueverkko/io/graph_tables.hpp>

#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace alueverkko {

struct GeojsonAreas {
  std::span<const geo::MultiPolygon> shapes;  // WGS84 lon/lat; one per row of `properties`
  const Table* properties = nullptr;
};

struct GeojsonOptions {
  bool places = true, edges = true, areas = true;  // the layers to write
  int decimals = 6;  // of coordinates: 6 ≈ 0.1 m, well below the accuracy of the boundaries
};

struct GeojsonCounts {
  std::size_t areas = 0, edges = 0, places = 0;
  std::size_t edges_without_position = 0;  // left out: an endpoint has no lon/lat (e.g. a foreign group)
};

// `graph` (may be null) gives places and edges: node columns "lon" and "lat" (reals) place a node.
// Throws std::invalid_argument if the areas' shapes and properties differ in number.
GeojsonCounts write_geojson(std::ostream& out, const GraphTables* graph, const GeojsonAreas& areas = {},
                            const GeojsonOptions& options = {});

// The outlines of the places `codes` of `level` (lon/lat, in the order of `codes`). Throws
// std::invalid_argument naming a code the boundaries do not have.
std::vector<geo::MultiPolygon> area_shapes(const geo::Boundaries& boundaries, PlaceLevel level,
                                           std::span<const std::string> codes);

}  // namespace alueverkko
