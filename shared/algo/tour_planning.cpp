#include "shared/algo/tour_planning.h"

#include <algorithm>
#include <map>

#include "shared/algo/polyline.h"

namespace core::algo {
namespace {

using AttractionIndex = std::map<std::string, int, std::less<>>;

int effective_tour_count(const std::vector<model::Attraction>& attractions, const PlanPoints& points,
                         const model::GenerationOptions& options,
                         const std::vector<model::Tour>& previous) {
  const auto stops = std::count_if(points.attraction_of.begin(), points.attraction_of.end(),
                                   [](int a) { return a >= 0; });
  int count = std::min(options.tours, std::max(1, static_cast<int>(stops) / kMinStopsPerTour));
  // Never drop a tour an editor pinned something to.
  for (const model::Attraction& a : attractions) {
    if (a.editor.locked_tour && *a.editor.locked_tour < options.tours) {
      count = std::max(count, *a.editor.locked_tour + 1);
    }
  }
  for (const model::Tour& tour : previous) {
    if (tour.order_locked && tour.index < options.tours) count = std::max(count, tour.index + 1);
  }
  return count;
}

struct Constraints {
  std::vector<std::string> warnings;
  bool has_pins = false;
};

Constraints add_editor_constraints(planner::Problem& problem,
                                   const std::vector<model::Attraction>& attractions,
                                   const AttractionIndex& node_of,
                                   const std::vector<model::Tour>& previous) {
  Constraints result;
  for (const model::Tour& tour : previous) {
    if (!tour.order_locked || tour.index >= problem.tour_count) continue;
    result.has_pins = true;
    auto& frozen = problem.frozen[static_cast<std::size_t>(tour.index)];
    for (const model::TourStop& stop : tour.stops) {
      const auto it = node_of.find(stop.attraction_id);
      if (it != node_of.end()) {
        frozen.push_back(it->second);
      } else {
        result.warnings.push_back("\"" + stop.name + "\" left locked tour " +
                                  std::to_string(tour.index + 1) + ": it is no longer included");
      }
    }
  }
  for (const model::Attraction& a : attractions) {
    const auto it = node_of.find(a.id);
    if (it == node_of.end()) continue;
    if (a.editor.included.value_or(false)) problem.must_include.push_back(it->second);
    if (!a.editor.locked_tour) continue;
    if (*a.editor.locked_tour >= 0 && *a.editor.locked_tour < problem.tour_count) {
      problem.locks.push_back({it->second, *a.editor.locked_tour});
      result.has_pins = true;
    } else {
      result.warnings.push_back("\"" + model::effective_name(a) + "\" is locked to tour " +
                                std::to_string(*a.editor.locked_tour + 1) + ", which does not exist");
    }
  }
  return result;
}

model::Tour make_tour(const std::vector<int>& nodes, const std::vector<model::Attraction>& attractions,
                      const PlanPoints& points, const TravelMatrix& matrix,
                      const model::GenerationOptions& options) {
  model::Tour tour;
  tour.budget_minutes = options.minutes_per_tour;
  std::vector<int> route;
  if (points.start_point >= 0) {
    tour.start = points.points[static_cast<std::size_t>(points.start_point)];
    route.push_back(points.start_point);
  }
  for (const int node : nodes) {
    const model::Attraction& a =
        attractions[static_cast<std::size_t>(points.attraction_of[static_cast<std::size_t>(node)])];
    tour.stops.push_back({a.id, model::effective_name(a), a.location, model::effective_visit_minutes(a),
                          model::effective_score(a), a.editor.locked_tour.has_value()});
    route.push_back(node);
  }
  if (points.end_point >= 0) {
    tour.end = points.points[static_cast<std::size_t>(points.end_point)];
    route.push_back(points.end_point);
  }
  std::vector<model::GeoPoint> waypoints;
  std::vector<double> metres;
  std::vector<double> minutes;
  for (std::size_t i = 0; i < route.size(); ++i) {
    waypoints.push_back(points.points[static_cast<std::size_t>(route[i])]);
    if (i == 0) continue;
    metres.push_back(matrix.metres(route[i - 1], route[i]));
    minutes.push_back(matrix.minutes(route[i - 1], route[i]));
  }
  set_straight_legs(tour, waypoints, metres, minutes);
  return tour;
}

void name_tours(std::vector<model::Tour>& tours) {
  for (std::size_t i = 0; i < tours.size(); ++i) {
    model::Tour& tour = tours[i];
    tour.index = static_cast<int>(i);
    const auto best = std::max_element(tour.stops.begin(), tour.stops.end(), [](const auto& x, const auto& y) {
      return x.interest_score < y.interest_score;
    });
    tour.title = "Tour " + std::to_string(i + 1) + (best != tour.stops.end() ? ": " + best->name : "");
  }
}

}  // namespace

PlanPoints plan_points(const std::vector<model::Attraction>& attractions,
                       const model::GenerationOptions& options) {
  PlanPoints result;
  if (options.start) {
    result.start_point = 0;
    result.points.push_back(*options.start);
    result.attraction_of.push_back(-1);
  }
  if (options.end) {
    result.end_point = static_cast<int>(result.points.size());
    result.points.push_back(*options.end);
    result.attraction_of.push_back(-1);
  } else if (options.start) {
    result.end_point = result.start_point;  // a loop back to where the walker started
  }
  for (std::size_t i = 0; i < attractions.size(); ++i) {
    if (!model::effective_included(attractions[i])) continue;
    result.points.push_back(attractions[i].location);
    result.attraction_of.push_back(static_cast<int>(i));
  }
  return result;
}

PlanResult plan_tours(const std::vector<model::Attraction>& attractions, const PlanPoints& points,
                      const TravelMatrix& matrix, const model::GenerationOptions& options,
                      const std::vector<model::Tour>& previous,
                      const planner::SolveOptions& solve_options) {
  planner::Problem problem;
  const std::size_t n = points.points.size();
  problem.travel = matrix.minutes;
  problem.score.assign(n, 0.0);
  problem.service.assign(n, 0.0);
  AttractionIndex node_of;
  for (std::size_t node = 0; node < n; ++node) {
    const int a = points.attraction_of[node];
    if (a < 0) continue;
    const model::Attraction& attraction = attractions[static_cast<std::size_t>(a)];
    problem.score[node] = model::effective_score(attraction);
    problem.service[node] = model::effective_visit_minutes(attraction);
    node_of.emplace(attraction.id, static_cast<int>(node));
  }
  problem.tour_count = effective_tour_count(attractions, points, options, previous);
  const auto k = static_cast<std::size_t>(problem.tour_count);
  problem.budget.assign(k, options.minutes_per_tour);
  problem.ends.assign(k, {points.start_point >= 0 ? points.start_point : planner::kFreeEnd,
                          points.end_point >= 0 ? points.end_point : planner::kFreeEnd});
  problem.frozen.assign(k, {});
  Constraints constraints = add_editor_constraints(problem, attractions, node_of, previous);

  const planner::Solution solution = planner::solve(problem, solve_options);
  PlanResult result;
  result.warnings = std::move(constraints.warnings);
  for (const planner::Unplaced& unplaced : solution.unplaced) {
    const int a = points.attraction_of[static_cast<std::size_t>(unplaced.node)];
    const std::string name = a >= 0 ? model::effective_name(attractions[static_cast<std::size_t>(a)]) : "a stop";
    result.warnings.push_back("\"" + name + "\" could not be placed: " + unplaced.reason);
  }
  for (const std::vector<int>& nodes : solution.tours) {
    result.tours.push_back(make_tour(nodes, attractions, points, matrix, options));
  }
  if (!constraints.has_pins) {
    // Without pinned tours, tour numbers carry no meaning yet: show the richest tour first.
    std::stable_sort(result.tours.begin(), result.tours.end(),
                     [](const auto& x, const auto& y) { return x.interest > y.interest; });
  }
  // Empty tours are dropped; with pins only trailing ones, so pinned tours keep their numbers.
  if (constraints.has_pins) {
    while (!result.tours.empty() && result.tours.back().stops.empty()) result.tours.pop_back();
  } else {
    std::erase_if(result.tours, [](const model::Tour& tour) { return tour.stops.empty(); });
  }
  for (const model::Tour& tour : previous) {
    const auto index = static_cast<std::size_t>(tour.index);
    if (tour.order_locked && index < result.tours.size()) result.tours[index].order_locked = true;
  }
  name_tours(result.tours);
  return result;
}

void set_straight_legs(model::Tour& tour, const std::vector<model::GeoPoint>& waypoints,
                       const std::vector<double>& leg_metres, const std::vector<double>& leg_minutes) {
  tour.legs.clear();
  for (std::size_t i = 0; i + 1 < waypoints.size(); ++i) {
    tour.legs.push_back({leg_metres[i], leg_minutes[i], encode_polyline({waypoints[i], waypoints[i + 1]})});
  }
  model::recompute_totals(tour);
}

}  // namespace core::algo
