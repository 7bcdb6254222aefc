#include "shared/algo/web_mercator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace core::algo {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;

}  // namespace

WorldPoint to_world(const model::GeoPoint& point) {
  const double lat = std::clamp(point.lat_deg, -kMercatorMaxLatDeg, kMercatorMaxLatDeg) * kDegToRad;
  return {(point.lon_deg + 180.0) / 360.0,
          (1.0 - std::asinh(std::tan(lat)) / std::numbers::pi) / 2.0};
}

model::GeoPoint to_geo(const WorldPoint& world) {
  const double lat = std::atan(std::sinh(std::numbers::pi * (1.0 - 2.0 * world.y)));
  return {lat / kDegToRad, world.x * 360.0 - 180.0};
}

TileId tile_at(const model::GeoPoint& point, int z) {
  const WorldPoint world = to_world(point);
  const double n = std::ldexp(1.0, z);
  const int max_index = static_cast<int>(n) - 1;
  return {z,
          std::clamp(static_cast<int>(std::floor(world.x * n)), 0, max_index),
          std::clamp(static_cast<int>(std::floor(world.y * n)), 0, max_index)};
}

model::GeoPoint tile_north_west(const TileId& tile) {
  const double n = std::ldexp(1.0, tile.z);
  return to_geo({tile.x / n, tile.y / n});
}

double metres_per_world_unit(double lat_deg) {
  // Web Mercator is defined on the WGS84 equatorial radius, not the mean radius.
  constexpr double kWebMercatorRadiusM = 6378137.0;
  return 2.0 * std::numbers::pi * kWebMercatorRadiusM * std::cos(lat_deg * kDegToRad);
}

}  // namespace core::algo
