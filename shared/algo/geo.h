#pragma once

#include <vector>

#include "shared/model/geo_point.h"

namespace core::algo {

/// Mean Earth radius in metres (IUGG), used by every distance in the product.
inline constexpr double kEarthRadiusM = 6371008.8;

/// Great-circle distance in metres between two WGS84 points (haversine formula).
double haversine_m(const model::GeoPoint& a, const model::GeoPoint& b);

/// Smallest box holding every point. Precondition: `points` is not empty.
model::BoundingBox bounding_box(const std::vector<model::GeoPoint>& points);

/// True if `point` lies inside `box` (edges included).
bool contains(const model::BoundingBox& box, const model::GeoPoint& point);

/// `box` grown by `margin_m` metres on every side (latitude clamped to +-90).
model::BoundingBox expanded(const model::BoundingBox& box, double margin_m);

/// The centre of `box` in degrees.
model::GeoPoint centre_of(const model::BoundingBox& box);

}  // namespace core::algo
