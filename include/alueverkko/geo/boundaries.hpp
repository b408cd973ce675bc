#pragma once
// The polygons of a geography's places: municipalities from its boundaries.topo.json, sub-regions
// and regions dissolved from them by the geography's own assignment (so that a map always agrees
// with the tables, whatever other objects the file holds).
#include <alueverkko/geo/topojson.hpp>
#include <alueverkko/io/geography_tables.hpp>

namespace alueverkko {
class Geography;
}

namespace alueverkko::geo {

struct Boundaries {
  Topology topology;
  // Geometries sorted by code; municipalities: exactly the geography's municipalities.
  TopoObject municipalities, subregions, regions;

  const TopoObject& at(PlaceLevel level) const noexcept;
  // Arcs on the borders between the places of `level` (and the outside): the outlines to stroke.
  std::vector<ArcRef> border_arcs(PlaceLevel level) const;
};

// Throws DataError if the geography has no boundaries file, the file is invalid, or its
// "municipalities" object does not hold exactly the geography's municipality codes.
Boundaries load_boundaries(const Geography& geography);

}  // namespace alueverkko::geo
