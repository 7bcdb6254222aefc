#pragma once

#include "shared/model/geo_point.h"

namespace core::algo {

/// Latitude limit of Web Mercator, in degrees.
inline constexpr double kMercatorMaxLatDeg = 85.0511287798;

/// A point in Web Mercator "world" units: x and y in [0, 1), y growing southwards (slippy maps).
struct WorldPoint {
  double x = 0.0;
  double y = 0.0;
};

/// A slippy-map tile address.
struct TileId {
  int z = 0;
  int x = 0;
  int y = 0;

  friend bool operator==(const TileId&, const TileId&) = default;
};

/// Projects a WGS84 point to world units; latitude is clamped to +-kMercatorMaxLatDeg.
WorldPoint to_world(const model::GeoPoint& point);

/// Inverse of to_world.
model::GeoPoint to_geo(const WorldPoint& world);

/// The tile holding `point` at zoom `z` (0..22), x and y clamped to [0, 2^z - 1].
TileId tile_at(const model::GeoPoint& point, int z);

/// North-west corner of a tile.
model::GeoPoint tile_north_west(const TileId& tile);

/// Ground metres per world unit at `lat_deg` (scale bars: metres per pixel = this / (256 * 2^z)).
double metres_per_world_unit(double lat_deg);

}  // namespace core::algo
