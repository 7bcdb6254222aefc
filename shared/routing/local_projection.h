#pragma once

#include <cmath>

#include "shared/algo/geo.h"
#include "shared/routing/fixed_point.h"

namespace core::routing {

/// A point in metres on a local plane.
struct PlanePoint {
  double x = 0.0;
  double y = 0.0;
};

/// Equirectangular projection around a reference latitude: metres east and north. Accurate to
/// well under 1% within a city's few kilometres, and cheap enough for inner loops.
class LocalProjection {
 public:
  /// A projection whose scale is right at `reference`.
  explicit LocalProjection(FixedPoint reference)
      : m_metres_per_e7_lat(algo::kEarthRadiusM * kPi / 180.0 * kDegreesPerE7),
        m_metres_per_e7_lon(m_metres_per_e7_lat *
                            std::cos(reference.lat_e7 * kDegreesPerE7 * kPi / 180.0)) {}

  /// `point` on the plane (origin at 0,0 degrees; only differences are meaningful).
  PlanePoint project(FixedPoint point) const {
    return {point.lon_e7 * m_metres_per_e7_lon, point.lat_e7 * m_metres_per_e7_lat};
  }
  /// The inverse of project, rounded to 1e-7 degrees.
  FixedPoint unproject(PlanePoint point) const {
    return {static_cast<std::int32_t>(std::llround(point.y / m_metres_per_e7_lat)),
            static_cast<std::int32_t>(std::llround(point.x / m_metres_per_e7_lon))};
  }

 private:
  static constexpr double kPi = 3.14159265358979323846;
  double m_metres_per_e7_lat;
  double m_metres_per_e7_lon;
};

/// Where the closest point of segment a-b to p lies, as a fraction 0..1 from a.
inline double closest_fraction(PlanePoint a, PlanePoint b, PlanePoint p) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double squared = dx * dx + dy * dy;
  if (squared <= 0.0) return 0.0;
  const double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / squared;
  return t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
}

/// Distance in metres between two plane points.
inline double plane_distance(PlanePoint a, PlanePoint b) {
  return std::hypot(b.x - a.x, b.y - a.y);
}

}  // namespace core::routing
