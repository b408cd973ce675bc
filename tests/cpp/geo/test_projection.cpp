// Transverse Mercator: facts that hold by construction (central meridian, symmetry, scale k0 on the
// central meridian, northing = k0 x meridian arc), with the meridian arc integrated numerically as
// an independent oracle. The comparison with PROJ's cs2cs is in tests/python/test_geo.py.
#include <alueverkko/geo/projection.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

using namespace alueverkko::geo;

namespace {

constexpr double a = 6378137.0, inverse_f = 298.257222101;
constexpr double degree = std::numbers::pi / 180;

double e2() {
  const double f = 1 / inverse_f;
  return f * (2 - f);
}

// Meridional radius of curvature rho and prime vertical radius nu at latitude phi (radians).
double rho(double phi) { return a * (1 - e2()) / std::pow(1 - e2() * std::sin(phi) * std::sin(phi), 1.5); }
double nu(double phi) { return a / std::sqrt(1 - e2() * std::sin(phi) * std::sin(phi)); }

// Meridian arc from the equator, by composite Simpson's rule on rho.
double meridian_arc(double phi) {
  const int n = 20000;
  const double h = phi / n;
  double sum = rho(0) + rho(phi);
  for (int i = 1; i < n; ++i) sum += (i % 2 ? 4 : 2) * rho(i * h);
  return sum * h / 3;
}

}  // namespace

TEST_CASE("ETRS-TM35FIN: the central meridian maps to easting 500 000 m, the equator to northing 0",
          "[projection]") {
  const TransverseMercator& tm = etrs_tm35fin();
  for (const double lat : {0.0, 59.5, 60.17, 65.0, 70.2}) CHECK(tm.forward({27, lat}).x == Approx(500000).margin(1e-9));
  CHECK(tm.forward({27, 0}).y == Approx(0).margin(1e-9));
}

TEST_CASE("ETRS-TM35FIN: northing on the central meridian is k0 times the meridian arc", "[projection]") {
  const TransverseMercator& tm = etrs_tm35fin();
  for (const double lat : {10.0, 45.0, 59.5, 60.17, 65.0, 70.2, 80.0}) {
    INFO("latitude " << lat);
    CHECK(tm.forward({27, lat}).y == Approx(0.9996 * meridian_arc(lat * degree)).margin(1e-4));
  }
}

TEST_CASE("ETRS-TM35FIN: the scale on the central meridian is k0 in both directions", "[projection]") {
  const TransverseMercator& tm = etrs_tm35fin();
  const double d = 1e-3;  // degrees: truncation and rounding errors both ~1e-12 relative
  for (const double lat : {60.0, 65.0, 70.0}) {
    INFO("latitude " << lat);
    const double north = (tm.forward({27, lat + d}).y - tm.forward({27, lat - d}).y) / (2 * d * degree);
    const double east = (tm.forward({27 + d, lat}).x - tm.forward({27 - d, lat}).x) / (2 * d * degree);
    CHECK(north / rho(lat * degree) == Approx(0.9996).epsilon(1e-9));
    CHECK(east / (nu(lat * degree) * std::cos(lat * degree)) == Approx(0.9996).epsilon(1e-9));
  }
}

TEST_CASE("ETRS-TM35FIN: symmetric about the central meridian", "[projection]") {
  const TransverseMercator& tm = etrs_tm35fin();
  for (const double dlon : {0.5, 3.0, 8.0}) {
    for (const double lat : {59.5, 64.0, 70.2}) {
      const Point east = tm.forward({27 + dlon, lat}), west = tm.forward({27 - dlon, lat});
      CHECK(east.x - 500000 == Approx(500000 - west.x).epsilon(1e-14));
      CHECK(east.y == Approx(west.y).epsilon(1e-14));
      CHECK(east.x > 500000);
    }
  }
}

TEST_CASE("ETRS-TM35FIN: inverse(forward(p)) == p over Finland and beyond", "[projection]") {
  const TransverseMercator& tm = etrs_tm35fin();
  for (double lon = 15; lon <= 36; lon += 0.75) {
    for (double lat = 55; lat <= 72; lat += 0.5) {
      const Point back = tm.inverse(tm.forward({lon, lat}));
      CHECK(std::abs(back.x - lon) < 1e-10);
      CHECK(std::abs(back.y - lat) < 1e-10);
    }
  }
}

TEST_CASE("TransverseMercator: false easting/northing shift, and rings keep their orientation", "[projection]") {
  const TransverseMercator plain(Ellipsoid{}, 27, 0.9996, 0, 0);
  const TransverseMercator shifted(Ellipsoid{}, 27, 0.9996, 1000, -2000);
  const Point p = plain.forward({25, 62}), q = shifted.forward({25, 62});
  CHECK(q.x - p.x == Approx(1000).margin(1e-9));
  CHECK(q.y - p.y == Approx(-2000).margin(1e-9));

  const Ring ccw{{24, 60}, {26, 60}, {26, 62}, {24, 62}, {24, 60}};
  const Ring projected = etrs_tm35fin().forward(ccw);
  REQUIRE(projected.size() == ccw.size());
  CHECK(projected.front() == projected.back());
  CHECK(signed_area(projected) > 0);
  for (std::size_t i = 0; i < ccw.size(); ++i) CHECK(projected[i] == etrs_tm35fin().forward(ccw[i]));
  const MultiPolygon shape = etrs_tm35fin().forward(MultiPolygon{Polygon{{ccw}}});
  REQUIRE(shape.size() == 1);
  CHECK(shape[0].rings[0] == projected);
}

TEST_CASE("geometry: shoelace area, holes, bounding box", "[projection]") {
  const Ring square{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}};
  const Ring hole{{1, 1}, {1, 2}, {2, 2}, {2, 1}, {1, 1}};  // clockwise
  CHECK(signed_area(square) == 16);
  CHECK(signed_area(hole) == -1);
  CHECK(signed_area(Ring(square.rbegin(), square.rend())) == -16);
  // Far from the origin (as projected northings are) the result is still exact.
  Ring far = square;
  for (Point& p : far) p.y += 7e6;
  CHECK(signed_area(far) == 16);
  const MultiPolygon shape{Polygon{{square, hole}}, Polygon{{{{10, 10}, {11, 10}, {11, 13}, {10, 10}}}}};
  CHECK(area(shape) == 16 - 1 + 1.5);
  const BoundingBox box = bounding_box(shape);
  CHECK(box.min_x == 0);
  CHECK(box.min_y == 0);
  CHECK(box.max_x == 11);
  CHECK(box.max_y == 13);
  const BoundingBox empty = bounding_box({});
  CHECK((empty.min_x == 0 && empty.max_x == 0 && empty.min_y == 0 && empty.max_y == 0));
}
