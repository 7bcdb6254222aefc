#include "shared/formats/tour_path.h"

#include "shared/algo/polyline.h"
#include "shared/errors.h"

namespace core::formats {

std::vector<model::GeoPoint> tour_path(const model::Tour& tour) {
  const std::vector<model::GeoPoint> waypoints = model::waypoints(tour);
  std::vector<model::GeoPoint> path;
  for (std::size_t i = 0; i + 1 < waypoints.size(); ++i) {
    std::vector<model::GeoPoint> leg;
    if (i < tour.legs.size() && !tour.legs[i].polyline.empty()) {
      try {
        leg = algo::decode_polyline(tour.legs[i].polyline);
      } catch (const InputError&) {
        leg.clear();
      }
    }
    if (leg.size() < 2) leg = {waypoints[i], waypoints[i + 1]};
    // Consecutive legs share their joining point: keep it once.
    path.insert(path.end(), path.empty() ? leg.begin() : leg.begin() + 1, leg.end());
  }
  if (path.empty() && waypoints.size() == 1) path = waypoints;
  return path;
}

}  // namespace core::formats
