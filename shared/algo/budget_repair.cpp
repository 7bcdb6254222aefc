#include "shared/algo/budget_repair.h"

#include <limits>

#include "shared/algo/polyline.h"
#include "shared/algo/stop_value.h"

namespace core::algo {
namespace {

// Budgets are whole minutes; sums of measured legs carry rounding noise.
constexpr double kToleranceMinutes = 1e-6;

// Minutes saved by dropping stop `i`: its visit, plus its only leg when it ends a free-ended tour.
double minutes_saved(const model::Tour& tour, std::size_t i) {
  const std::size_t first_leg = tour.start ? 1 : 0;  // legs[first_leg + i] leaves stop i
  double saved = tour.stops[i].visit_minutes;
  const bool first = i == 0 && !tour.start;
  const bool last = i + 1 == tour.stops.size() && !tour.end;
  if (tour.stops.size() > 1 && first) saved += tour.legs[first_leg + i].walk_minutes;
  if (tour.stops.size() > 1 && last && !first) saved += tour.legs[first_leg + i - 1].walk_minutes;
  return saved;
}

void drop_stop(model::Tour& tour, std::size_t i) {
  // Waypoint w is stop i; legs[w - 1] walks into it and legs[w] out of it, where they exist.
  const std::size_t w = (tour.start ? 1 : 0) + i;
  const bool leg_in = w >= 1;
  const bool leg_out = w < tour.legs.size();
  if (leg_in && leg_out) tour.legs[w - 1] = join_legs(tour.legs[w - 1], tour.legs[w]);
  if (leg_out) {
    tour.legs.erase(tour.legs.begin() + static_cast<std::ptrdiff_t>(w));
  } else if (leg_in) {
    tour.legs.erase(tour.legs.begin() + static_cast<std::ptrdiff_t>(w - 1));
  }
  tour.stops.erase(tour.stops.begin() + static_cast<std::ptrdiff_t>(i));
}

}  // namespace

model::TourLeg join_legs(const model::TourLeg& first, const model::TourLeg& second) {
  std::vector<model::GeoPoint> path = decode_polyline(first.polyline);
  const std::vector<model::GeoPoint> rest = decode_polyline(second.polyline);
  // The shared waypoint ends the first path and starts the second: keep it once.
  path.insert(path.end(), rest.begin() + (path.empty() || rest.empty() ? 0 : 1), rest.end());
  return {first.distance_m + second.distance_m,
          first.walk_minutes + second.walk_minutes,
          encode_polyline(path)};
}

std::vector<std::string> drop_until_within_budget(model::Tour& tour) {
  std::vector<std::string> dropped;
  model::recompute_totals(tour);
  while (tour.total_minutes > tour.budget_minutes + kToleranceMinutes) {
    std::size_t cheapest = tour.stops.size();
    double cheapest_cost = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < tour.stops.size(); ++i) {
      if (tour.stops[i].locked) continue;
      const double saved = minutes_saved(tour, i);
      if (saved <= 0.0) continue;
      const double cost = stop_value(tour.stops[i].interest_score) / saved;
      if (cost < cheapest_cost) {
        cheapest = i;
        cheapest_cost = cost;
      }
    }
    if (cheapest == tour.stops.size()) break;  // only locked stops (or nothing) left to drop
    dropped.push_back(tour.stops[cheapest].name);
    drop_stop(tour, cheapest);
    model::recompute_totals(tour);
  }
  return dropped;
}

}  // namespace core::algo
