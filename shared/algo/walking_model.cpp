#include "shared/algo/walking_model.h"

#include "shared/algo/geo.h"

namespace core::algo {

double
walking_metres(const model::GeoPoint& a, const model::GeoPoint& b, const WalkingModel& model) {
  return haversine_m(a, b) * model.detour_factor;
}

double walking_minutes(double metres, const WalkingModel& model) {
  return metres / (model.speed_kmh * 1000.0 / 60.0);
}

TravelMatrix walking_matrix(const std::vector<model::GeoPoint>& points, const WalkingModel& model) {
  const int n = static_cast<int>(points.size());
  TravelMatrix matrix{planner::CostMatrix(n), planner::CostMatrix(n)};
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      const double metres = walking_metres(
          points[static_cast<std::size_t>(i)], points[static_cast<std::size_t>(j)], model);
      const double minutes = walking_minutes(metres, model);
      matrix.metres(i, j) = matrix.metres(j, i) = metres;
      matrix.minutes(i, j) = matrix.minutes(j, i) = minutes;
    }
  }
  return matrix;
}

}  // namespace core::algo
