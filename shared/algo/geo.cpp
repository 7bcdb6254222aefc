#include "shared/algo/geo.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace core::algo {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;

}  // namespace

double haversine_m(const model::GeoPoint& a, const model::GeoPoint& b) {
  const double lat1 = a.lat_deg * kDegToRad;
  const double lat2 = b.lat_deg * kDegToRad;
  const double dlat = lat2 - lat1;
  const double dlon = (b.lon_deg - a.lon_deg) * kDegToRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1) * std::cos(lat2) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(h)));
}

model::BoundingBox bounding_box(const std::vector<model::GeoPoint>& points) {
  assert(!points.empty());
  model::BoundingBox box{points.front(), points.front()};
  for (const model::GeoPoint& p : points) {
    box.low.lat_deg = std::min(box.low.lat_deg, p.lat_deg);
    box.low.lon_deg = std::min(box.low.lon_deg, p.lon_deg);
    box.high.lat_deg = std::max(box.high.lat_deg, p.lat_deg);
    box.high.lon_deg = std::max(box.high.lon_deg, p.lon_deg);
  }
  return box;
}

bool contains(const model::BoundingBox& box, const model::GeoPoint& point) {
  return point.lat_deg >= box.low.lat_deg && point.lat_deg <= box.high.lat_deg &&
         point.lon_deg >= box.low.lon_deg && point.lon_deg <= box.high.lon_deg;
}

model::BoundingBox expanded(const model::BoundingBox& box, double margin_m) {
  const double dlat = margin_m / kEarthRadiusM / kDegToRad;
  // Longitude degrees shrink with latitude; use the box's widest parallel so the margin is never
  // short.
  const double max_abs_lat =
      std::min(89.0, std::max(std::abs(box.low.lat_deg), std::abs(box.high.lat_deg)));
  const double dlon = dlat / std::cos(max_abs_lat * kDegToRad);
  return {{std::max(-90.0, box.low.lat_deg - dlat), box.low.lon_deg - dlon},
          {std::min(90.0, box.high.lat_deg + dlat), box.high.lon_deg + dlon}};
}

model::GeoPoint centre_of(const model::BoundingBox& box) {
  return {(box.low.lat_deg + box.high.lat_deg) / 2.0, (box.low.lon_deg + box.high.lon_deg) / 2.0};
}

}  // namespace core::algo
