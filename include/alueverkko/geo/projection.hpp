#pragma once
// Transverse Mercator on an ellipsoid (Krüger's series to the 6th order in n, as in PROJ's
// "tmerc" default algorithm since PROJ 4.9.3 / "etmerc"), and the Finnish national grid
// ETRS-TM35FIN (EPSG:3067): GRS80, central meridian 27°E, scale 0.9996, false easting 500 000 m.
#include <alueverkko/geo/geometry.hpp>

namespace alueverkko::geo {

struct Ellipsoid {
  double semi_major_axis = 6378137.0;          // metres
  double inverse_flattening = 298.257222101;   // GRS80
};

class TransverseMercator {
 public:
  TransverseMercator(Ellipsoid ellipsoid, double central_meridian_deg, double scale_factor,
                     double false_easting, double false_northing);
  // (lon, lat) degrees -> (easting, northing) metres.
  Point forward(Point lon_lat) const noexcept;
  // (easting, northing) metres -> (lon, lat) degrees.
  Point inverse(Point easting_northing) const noexcept;

  Ring forward(const Ring& ring) const;
  MultiPolygon forward(const MultiPolygon& shape) const;

 private:
  double lon0_, k0_, fe_, fn_;
  double a_hat_;                       // rectifying radius times k0
  double alpha_[6]{}, beta_[6]{};      // forward / inverse Krüger coefficients
  double e_;                           // first eccentricity
};

// EPSG:3067.
const TransverseMercator& etrs_tm35fin();

}  // namespace alueverkko::geo
