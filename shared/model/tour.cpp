#include "shared/model/tour.h"

namespace core::model {

void recompute_totals(Tour& tour) {
  tour.walk_distance_m = 0.0;
  tour.walk_minutes = 0.0;
  for (const TourLeg& leg : tour.legs) {
    tour.walk_distance_m += leg.distance_m;
    tour.walk_minutes += leg.walk_minutes;
  }
  tour.visit_minutes = 0;
  tour.interest = 0.0;
  for (const TourStop& stop : tour.stops) {
    tour.visit_minutes += stop.visit_minutes;
    tour.interest += stop.interest_score;
  }
  tour.total_minutes = tour.walk_minutes + tour.visit_minutes;
}

std::vector<GeoPoint> waypoints(const Tour& tour) {
  std::vector<GeoPoint> points;
  if (tour.start) points.push_back(*tour.start);
  for (const TourStop& stop : tour.stops) points.push_back(stop.location);
  if (tour.end) points.push_back(*tour.end);
  return points;
}

}  // namespace core::model
