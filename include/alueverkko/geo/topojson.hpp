#pragma once
// TopoJSON (https://github.com/topojson/topojson-specification): polygons as shared arcs, with
// quantised, delta-encoded positions. Decoding keeps the topology, so that sub-regions and regions
// can be dissolved from municipalities by dropping the arcs they share (geo/dissolve.hpp).
#include <alueverkko/geo/geometry.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko::geo {

// An arc reference as in TopoJSON: i >= 0 is arc i as stored, ~i (= -i - 1) is arc i reversed.
using ArcRef = std::int32_t;

struct TopoGeometry {
  std::string code;  // the "code" property
  std::string name;  // the "name_fi" (or "name") property, may be empty
  // polygons[p][r]: ring r of polygon p as a sequence of arc references; ring 0 is the exterior.
  std::vector<std::vector<std::vector<ArcRef>>> polygons;
};

struct TopoObject {
  std::string name;
  std::vector<TopoGeometry> geometries;
  // Index of the geometry with this code, or geometries.size().
  std::size_t find(std::string_view code) const noexcept;
};

class Topology {
 public:
  // Arcs decoded to absolute coordinates (transform applied): WGS84 lon/lat for the bundled data.
  std::vector<std::vector<Point>> arcs;
  std::vector<TopoObject> objects;  // sorted by name

  // The object with this name, or nullptr.
  const TopoObject* object(std::string_view name) const noexcept;

  // The rings of a geometry stitched from its arcs (each arc's first point is the previous arc's
  // last and appears once); exterior rings counter-clockwise, holes clockwise.
  MultiPolygon shape(const TopoGeometry& geometry) const;
  // The points of one arc reference, in the direction it is used.
  std::vector<Point> arc_points(ArcRef ref) const;
};

// Reads a TopoJSON file with Polygon / MultiPolygon geometry collections whose geometries carry a
// string property "code". Throws DataError naming file:line:column and what was expected for
// syntax errors, a missing or wrong member, arc indices out of range or rings that do not close.
Topology read_topojson(const std::filesystem::path& path);
Topology parse_topojson(std::string_view text, const std::string& file_name);

}  // namespace alueverkko::geo
