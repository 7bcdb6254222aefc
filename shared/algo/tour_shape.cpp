#include "shared/algo/tour_shape.h"

#include <algorithm>
#include <cstddef>
#include <limits>

#include "shared/algo/geo.h"

namespace core::algo {
namespace {

std::size_t at(int index) {
  return static_cast<std::size_t>(index);
}

double walk_minutes(const std::vector<int>& stops, const planner::CostMatrix& minutes) {
  double total = 0.0;
  for (std::size_t i = 1; i < stops.size(); ++i) total += minutes(stops[i - 1], stops[i]);
  return total;
}

// Value of the candidates within `radius_m` of `node` that `covered` does not mark.
double value_around(int node,
                    const std::vector<int>& candidates,
                    const std::vector<double>& value,
                    const std::vector<model::GeoPoint>& points,
                    double radius_m,
                    const std::vector<char>& covered) {
  double total = 0.0;
  for (const int other : candidates) {
    if (covered[at(other)] == 0 && haversine_m(points[at(node)], points[at(other)]) <= radius_m) {
      total += value[at(other)];
    }
  }
  return total;
}

// Of `choices`, the node with the most uncovered value around it (ties: the earlier), or -1.
int richest_anchor(const std::vector<int>& choices,
                   const std::vector<int>& candidates,
                   const std::vector<double>& value,
                   const std::vector<model::GeoPoint>& points,
                   double radius_m,
                   const std::vector<char>& covered,
                   bool skip_covered) {
  int best = -1;
  double best_value = -1.0;
  for (const int node : choices) {
    if (skip_covered && covered[at(node)] != 0) continue;
    const double around = value_around(node, candidates, value, points, radius_m, covered);
    if (around > best_value) {
      best = node;
      best_value = around;
    }
  }
  return best;
}

}  // namespace

void limit_legs(planner::CostMatrix& minutes,
                const TravelMatrix& matrix,
                const std::vector<char>& is_stop,
                double max_leg_m) {
  const int n = minutes.size();
  for (int i = 0; i < n; ++i) {
    if (is_stop[at(i)] == 0) continue;
    for (int j = 0; j < n; ++j) {
      if (i != j && is_stop[at(j)] != 0 && matrix.metres(i, j) > max_leg_m)
        minutes(i, j) = kUnreachable;
    }
  }
}

double tour_radius_m(const std::vector<int>& stops, const std::vector<model::GeoPoint>& points) {
  double radius = stops.empty() ? 0.0 : std::numeric_limits<double>::infinity();
  for (const int centre : stops) {
    double farthest = 0.0;
    for (const int node : stops)
      farthest = std::max(farthest, haversine_m(points[at(centre)], points[at(node)]));
    radius = std::min(radius, farthest);
  }
  return radius;
}

std::vector<std::vector<char>> zones_for(const std::vector<std::vector<int>>& tours,
                                         const std::vector<int>& candidates,
                                         const std::vector<double>& value,
                                         const std::vector<model::GeoPoint>& points,
                                         double radius_m) {
  const std::size_t n = points.size();
  std::vector<std::vector<char>> zones(tours.size(), std::vector<char>(n, 0));
  const std::vector<char> none(n, 0);
  std::vector<int> anchors(tours.size(), -1);
  for (std::size_t t = 0; t < tours.size(); ++t) {
    anchors[t] = richest_anchor(tours[t], candidates, value, points, radius_m, none, false);
  }
  std::vector<char> covered(n, 0);
  const auto cover = [&](std::size_t t) {
    for (const int node : candidates) {
      if (haversine_m(points[at(anchors[t])], points[at(node)]) > radius_m) continue;
      zones[t][at(node)] = 1;
      covered[at(node)] = 1;
    }
  };
  for (std::size_t t = 0; t < tours.size(); ++t) {
    if (anchors[t] >= 0) cover(t);
  }
  // Empty tours are anchored in turn, each where the most value lies beyond the earlier zones.
  for (std::size_t t = 0; t < tours.size(); ++t) {
    if (anchors[t] >= 0) continue;
    anchors[t] = richest_anchor(candidates, candidates, value, points, radius_m, covered, true);
    if (anchors[t] >= 0) cover(t);
  }
  return zones;
}

bool start_near_centre(std::vector<int>& stops,
                       const std::vector<model::GeoPoint>& points,
                       const model::GeoPoint& centre,
                       const planner::CostMatrix& minutes,
                       double slack) {
  if (stops.size() < 2) return false;
  if (haversine_m(points[at(stops.back())], centre) >=
      haversine_m(points[at(stops.front())], centre))
    return false;
  std::vector<int> reversed(stops.rbegin(), stops.rend());
  // One-way paths can make the reverse walk longer; it must still fit the tour's budget.
  if (walk_minutes(reversed, minutes) > walk_minutes(stops, minutes) + slack) return false;
  stops = std::move(reversed);
  return true;
}

}  // namespace core::algo
