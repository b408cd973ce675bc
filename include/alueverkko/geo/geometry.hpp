#pragma once
// Plain planar geometry shared by the map renderer and the GeoJSON writer. Coordinates are either
// WGS84 longitude/latitude in degrees (x = lon, y = lat) or projected metres (x = easting,
// y = northing); the producer of a geometry says which.
#include <vector>

namespace alueverkko::geo {

struct Point {
  double x = 0, y = 0;
  friend bool operator==(const Point&, const Point&) = default;
};

// A closed ring: front() == back().
using Ring = std::vector<Point>;

// rings[0] is the exterior ring, counter-clockwise; the others are holes, clockwise (the
// right-hand rule of RFC 7946 GeoJSON, for x east and y north).
struct Polygon {
  std::vector<Ring> rings;
};

using MultiPolygon = std::vector<Polygon>;

struct BoundingBox {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
};

// Signed area by the shoelace formula: positive for a counter-clockwise ring.
double signed_area(const Ring& ring) noexcept;
// Area of the exterior rings less the holes (in the units of the coordinates, squared).
double area(const MultiPolygon& shape) noexcept;
BoundingBox bounding_box(const MultiPolygon& shape) noexcept;

}  // namespace alueverkko::geo
