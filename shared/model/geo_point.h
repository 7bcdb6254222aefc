#pragma once

namespace core::model {

/// A WGS84 position in degrees.
struct GeoPoint {
  double lat_deg = 0.0;
  double lon_deg = 0.0;

  friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

/// An axis-aligned box in degrees: `low` is the south-west corner, `high` the north-east one
/// (Google's viewport convention). Boxes crossing the antimeridian are not supported.
struct BoundingBox {
  GeoPoint low;
  GeoPoint high;

  friend bool operator==(const BoundingBox&, const BoundingBox&) = default;
};

}  // namespace core::model
