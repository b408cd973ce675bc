// Transverse Mercator by Krüger's series to the 6th order in the third flattening n, in the form of
// C. F. F. Karney, "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy 85 (2011)
// 475-485, eqs. (7)-(9), (11)-(13), (35)-(36); the algorithm of PROJ's default "tmerc". Within the
// 3°-4° of longitude Finland spans around 27°E the truncation error is far below a millimetre.
#include <alueverkko/geo/projection.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace alueverkko::geo {

namespace {

constexpr double degree = std::numbers::pi / 180.0;

// tan of the conformal latitude from tan of the geodetic latitude (Karney eqs. 7-9).
double conformal_tan(double tau, double e) {
  const double sigma = std::sinh(e * std::atanh(e * tau / std::hypot(1.0, tau)));
  return tau * std::hypot(1.0, sigma) - sigma * std::hypot(1.0, tau);
}

// The inverse of conformal_tan by Newton's method (Karney eqs. 19-21); converges to machine
// precision in two or three steps from the conformal value.
double geodetic_tan(double tau_prime, double e) {
  const double e2m = 1.0 - e * e;
  double tau = tau_prime;
  for (int i = 0; i < 10; ++i) {
    const double tau_prime_i = conformal_tan(tau, e);
    const double step = (tau_prime - tau_prime_i) / std::hypot(1.0, tau_prime_i) * (1.0 + e2m * tau * tau) /
                        (e2m * std::hypot(1.0, tau));
    tau += step;
    if (std::abs(step) <= 1e-15 * std::max(1.0, std::abs(tau))) break;
  }
  return tau;
}

}  // namespace

TransverseMercator::TransverseMercator(Ellipsoid ellipsoid, double central_meridian_deg, double scale_factor,
                                       double false_easting, double false_northing)
    : lon0_(central_meridian_deg), k0_(scale_factor), fe_(false_easting), fn_(false_northing) {
  const double f = 1.0 / ellipsoid.inverse_flattening;
  e_ = std::sqrt(f * (2.0 - f));
  const double n = f / (2.0 - f);
  const double n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
  // Rectifying radius A (Karney eq. 14), scaled by k0.
  a_hat_ = k0_ * ellipsoid.semi_major_axis / (1.0 + n) * (1.0 + n2 / 4.0 + n4 / 64.0 + n6 / 256.0);
  // Karney eq. (35).
  alpha_[0] = n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800;
  alpha_[1] = 13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360;
  alpha_[2] = 61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440;
  alpha_[3] = 49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600;
  alpha_[4] = 34729 * n5 / 80640 - 3418889 * n6 / 1995840;
  alpha_[5] = 212378941 * n6 / 319334400;
  // Karney eq. (36).
  beta_[0] = n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604800;
  beta_[1] = n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720;
  beta_[2] = 17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720;
  beta_[3] = 4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600;
  beta_[4] = 4583 * n5 / 161280 - 108847 * n6 / 3991680;
  beta_[5] = 20648693 * n6 / 638668800;
}

Point TransverseMercator::forward(Point lon_lat) const noexcept {
  const double lambda = (lon_lat.x - lon0_) * degree;
  const double tau_prime = conformal_tan(std::tan(lon_lat.y * degree), e_);
  // Gauss-Schreiber (spherical transverse Mercator of the conformal sphere), Karney eq. (10).
  const double xi_prime = std::atan2(tau_prime, std::cos(lambda));
  const double eta_prime = std::asinh(std::sin(lambda) / std::hypot(tau_prime, std::cos(lambda)));
  double xi = xi_prime, eta = eta_prime;
  for (int j = 1; j <= 6; ++j) {
    xi += alpha_[j - 1] * std::sin(2 * j * xi_prime) * std::cosh(2 * j * eta_prime);
    eta += alpha_[j - 1] * std::cos(2 * j * xi_prime) * std::sinh(2 * j * eta_prime);
  }
  return {fe_ + a_hat_ * eta, fn_ + a_hat_ * xi};
}

Point TransverseMercator::inverse(Point easting_northing) const noexcept {
  const double xi = (easting_northing.y - fn_) / a_hat_;
  const double eta = (easting_northing.x - fe_) / a_hat_;
  double xi_prime = xi, eta_prime = eta;
  for (int j = 1; j <= 6; ++j) {
    xi_prime -= beta_[j - 1] * std::sin(2 * j * xi) * std::cosh(2 * j * eta);
    eta_prime -= beta_[j - 1] * std::cos(2 * j * xi) * std::sinh(2 * j * eta);
  }
  const double tau_prime = std::sin(xi_prime) / std::hypot(std::sinh(eta_prime), std::cos(xi_prime));
  const double lambda = std::atan2(std::sinh(eta_prime), std::cos(xi_prime));
  return {lon0_ + lambda / degree, std::atan(geodetic_tan(tau_prime, e_)) / degree};
}

Ring TransverseMercator::forward(const Ring& ring) const {
  Ring out;
  out.reserve(ring.size());
  for (const Point& p : ring) out.push_back(forward(p));
  return out;
}

// Conformal and orientation-preserving (x east, y north both ways), so ring orientations carry over.
MultiPolygon TransverseMercator::forward(const MultiPolygon& shape) const {
  MultiPolygon out;
  out.reserve(shape.size());
  for (const Polygon& polygon : shape) {
    Polygon& projected = out.emplace_back();
    projected.rings.reserve(polygon.rings.size());
    for (const Ring& ring : polygon.rings) projected.rings.push_back(forward(ring));
  }
  return out;
}

const TransverseMercator& etrs_tm35fin() {
  static const TransverseMercator projection(Ellipsoid{}, 27.0, 0.9996, 500000.0, 0.0);
  return projection;
}

}  // namespace alueverkko::geo
