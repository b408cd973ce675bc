// Planar measures of rings and polygons.
#include <alueverkko/geo/geometry.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace alueverkko::geo {

double signed_area(const Ring& ring) noexcept {
  if (ring.size() < 3) return 0;
  // Shoelace relative to the first point: the same sum, without cancelling large coordinates
  // (projected northings are ~7e6 m).
  const Point origin = ring.front();
  double twice = 0;
  for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
    const double ax = ring[i].x - origin.x, ay = ring[i].y - origin.y;
    const double bx = ring[i + 1].x - origin.x, by = ring[i + 1].y - origin.y;
    twice += ax * by - bx * ay;
  }
  return twice / 2;
}

double area(const MultiPolygon& shape) noexcept {
  double total = 0;
  for (const Polygon& polygon : shape) {
    for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
      const double a = std::abs(signed_area(polygon.rings[r]));
      total += r == 0 ? a : -a;
    }
  }
  return total;
}

BoundingBox bounding_box(const MultiPolygon& shape) noexcept {
  constexpr double inf = std::numeric_limits<double>::infinity();
  BoundingBox box{inf, inf, -inf, -inf};
  for (const Polygon& polygon : shape) {
    for (const Ring& ring : polygon.rings) {
      for (const Point& p : ring) {
        box.min_x = std::min(box.min_x, p.x);
        box.min_y = std::min(box.min_y, p.y);
        box.max_x = std::max(box.max_x, p.x);
        box.max_y = std::max(box.max_y, p.y);
      }
    }
  }
  if (box.min_x > box.max_x) return {};
  return box;
}

}  // namespace alueverkko::geo
