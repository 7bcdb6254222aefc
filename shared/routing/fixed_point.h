#pragma once

#include <cmath>
#include <cstdint>

#include "shared/model/geo_point.h"

namespace core::routing {

/// A WGS84 position in 1e-7 degrees (OSM's precision, about 1 cm): exact, compact, and
/// byte-identical across machines, so graphs built from it are deterministic.
struct FixedPoint {
  std::int32_t lat_e7 = 0;
  std::int32_t lon_e7 = 0;

  friend bool operator==(const FixedPoint&, const FixedPoint&) = default;
};

/// Degrees per unit of FixedPoint.
inline constexpr double kDegreesPerE7 = 1e-7;

/// `point` rounded to the nearest 1e-7 degree.
inline FixedPoint to_fixed(const model::GeoPoint& point) {
  return {static_cast<std::int32_t>(std::llround(point.lat_deg * 1e7)),
          static_cast<std::int32_t>(std::llround(point.lon_deg * 1e7))};
}

/// `point` in degrees.
inline model::GeoPoint to_geo(FixedPoint point) {
  return {point.lat_e7 * kDegreesPerE7, point.lon_e7 * kDegreesPerE7};
}

}  // namespace core::routing
