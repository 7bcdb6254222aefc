#pragma once

#include <vector>

#include "shared/algo/travel_matrix.h"
#include "shared/model/geo_point.h"

namespace core::algo {

/// The offline distance model: straight-line distance times a street detour factor, walked at
/// a constant speed.
struct WalkingModel {
  double speed_kmh = 4.5;
  double detour_factor = 1.3;
};

/// Estimated street distance in metres between two points.
double
walking_metres(const model::GeoPoint& a, const model::GeoPoint& b, const WalkingModel& model);

/// Minutes needed to walk `metres` at the model's speed.
double walking_minutes(double metres, const WalkingModel& model);

/// Distances and times between every pair of `points`.
TravelMatrix walking_matrix(const std::vector<model::GeoPoint>& points, const WalkingModel& model);

}  // namespace core::algo
