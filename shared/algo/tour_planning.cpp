#include "shared/algo/tour_planning.h"

#include <algorithm>
#include <map>

#include "shared/algo/polyline.h"
#include "shared/algo/stop_value.h"
#include "shared/algo/tour_shape.h"
#include "shared/algo/tour_titles.h"

namespace core::algo {
namespace {

using AttractionIndex = std::map<std::string, int, std::less<>>;

// Value a plan may give up to offer one tour fewer: fewer, fuller tours beat a crumb of a tour
// (a 2 % loss is a filler stop or two, never a headline sight).
constexpr double kFewerToursLoss = 0.02;

std::size_t at(int index) {
  return static_cast<std::size_t>(index);
}

int effective_tour_count(const std::vector<model::Attraction>& attractions,
                         const PlanPoints& points,
                         const model::GenerationOptions& options,
                         const std::vector<model::Tour>& previous) {
  const auto stops = std::count_if(
      points.attraction_of.begin(), points.attraction_of.end(), [](int a) { return a >= 0; });
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
                                std::to_string(*a.editor.locked_tour + 1) +
                                ", which does not exist");
    }
  }
  return result;
}

// The problem without its tours: value and minutes per stop, walking minutes with the legs over
// the limit taken out. `node_of` receives each attraction's node.
planner::Problem base_problem(const std::vector<model::Attraction>& attractions,
                              const PlanPoints& points,
                              const TravelMatrix& matrix,
                              const model::GenerationOptions& options,
                              AttractionIndex& node_of) {
  planner::Problem problem;
  const std::size_t n = points.points.size();
  problem.travel = matrix.minutes;
  problem.score.assign(n, 0.0);
  problem.service.assign(n, 0.0);
  std::vector<char> is_stop(n, 0);
  for (std::size_t node = 0; node < n; ++node) {
    const int a = points.attraction_of[node];
    if (a < 0) continue;
    const model::Attraction& attraction = attractions[at(a)];
    problem.score[node] = stop_value(model::effective_score(attraction));
    problem.service[node] = model::effective_visit_minutes(attraction);
    node_of.emplace(attraction.id, static_cast<int>(node));
    is_stop[node] = 1;
  }
  limit_legs(problem.travel, matrix, is_stop, options.max_leg_m);
  return problem;
}

void set_tour_count(planner::Problem& problem,
                    int k,
                    const PlanPoints& points,
                    const model::GenerationOptions& options) {
  problem.tour_count = k;
  problem.budget.assign(at(k), options.minutes_per_tour);
  problem.ends.assign(at(k),
                      {points.start_point >= 0 ? points.start_point : planner::kFreeEnd,
                       points.end_point >= 0 ? points.end_point : planner::kFreeEnd});
  problem.frozen.assign(at(k), {});
  problem.allowed_stops.clear();
}

std::vector<int> stop_nodes(const PlanPoints& points) {
  std::vector<int> nodes;
  for (std::size_t node = 0; node < points.attraction_of.size(); ++node) {
    if (points.attraction_of[node] >= 0) nodes.push_back(static_cast<int>(node));
  }
  return nodes;
}

bool is_crumb(const std::vector<int>& tour) {
  return !tour.empty() && static_cast<int>(tour.size()) < kMinStopsPerTour;
}

// Value of the tours that can be offered (those of kMinStopsPerTour stops or more).
double offered_value(const planner::Solution& solution, const std::vector<double>& value) {
  double total = 0.0;
  for (const std::vector<int>& tour : solution.tours) {
    if (static_cast<int>(tour.size()) < kMinStopsPerTour) continue;
    for (const int node : tour) total += value[at(node)];
  }
  return total;
}

// Solves; when a tour strays beyond the radius around its central stop, or is a crumb too short
// to offer, solves again with every tour kept to a zone (zones_for()), crumbs re-anchored where the
// most value lies outside the other tours' zones. Greedy insertion seeds a tour at a lone
// valuable stop that no other stop can reach within the leg limit; a zone moves it to a cluster.
planner::Solution solve_in_zones(planner::Problem problem,
                                 const PlanPoints& points,
                                 double radius_m,
                                 const planner::SolveOptions& solve_options) {
  planner::Solution first = planner::solve(problem, solve_options);
  const bool spread =
      std::any_of(first.tours.begin(), first.tours.end(), [&](const std::vector<int>& tour) {
        return tour_radius_m(tour, points.points) > radius_m;
      });
  const bool crumbs = std::any_of(first.tours.begin(), first.tours.end(), is_crumb);
  if (!spread && !crumbs) return first;
  std::vector<std::vector<int>> anchored = first.tours;
  for (std::vector<int>& tour : anchored) {
    if (is_crumb(tour)) tour.clear();
  }
  problem.allowed_stops =
      zones_for(anchored, stop_nodes(points), problem.score, points.points, radius_m);
  // A stop the editor insists on may join any tour: the radius is advice where they decided.
  for (std::vector<char>& zone : problem.allowed_stops) {
    for (const int node : problem.must_include) zone[at(node)] = 1;
  }
  planner::Solution zoned = planner::solve(problem, solve_options);
  if (!spread && offered_value(zoned, problem.score) <= offered_value(first, problem.score))
    return first;
  return zoned;
}

// A tour too short to offer, or using under half its budget: one tour fewer may do as well.
bool wants_fewer_tours(const planner::Solution& solution, double budget) {
  for (std::size_t t = 0; t < solution.tours.size(); ++t) {
    if (static_cast<int>(solution.tours[t].size()) < kMinStopsPerTour) return true;
    if (solution.tour_cost[t] < budget / 2.0) return true;
  }
  return false;
}

// Plans with at most `k` tours, as few as offer (nearly) the same value: K is a maximum.
planner::Solution plan_shaped(planner::Problem& problem,
                              int k,
                              const PlanPoints& points,
                              const model::GenerationOptions& options,
                              const planner::SolveOptions& solve_options) {
  set_tour_count(problem, k, points, options);
  planner::Solution best = solve_in_zones(problem, points, options.tour_radius_m, solve_options);
  while (k > 1 && wants_fewer_tours(best, options.minutes_per_tour)) {
    set_tour_count(problem, k - 1, points, options);
    planner::Solution fewer = solve_in_zones(problem, points, options.tour_radius_m, solve_options);
    if (offered_value(fewer, problem.score) <
        offered_value(best, problem.score) * (1.0 - kFewerToursLoss))
      break;
    best = std::move(fewer);
    --k;
  }
  return best;
}

model::GeoPoint centre_of(const PlanPoints& points) {
  model::GeoPoint centre{0.0, 0.0};
  int count = 0;
  for (const int node : stop_nodes(points)) {
    centre.lat_deg += points.points[at(node)].lat_deg;
    centre.lon_deg += points.points[at(node)].lon_deg;
    ++count;
  }
  if (count > 0) {
    centre.lat_deg /= count;
    centre.lon_deg /= count;
  }
  return centre;
}

model::Tour make_tour(const std::vector<int>& nodes,
                      const std::vector<model::Attraction>& attractions,
                      const PlanPoints& points,
                      const TravelMatrix& matrix,
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
    tour.stops.push_back({a.id,
                          model::effective_name(a),
                          a.location,
                          model::effective_visit_minutes(a),
                          model::effective_score(a),
                          a.editor.locked_tour.has_value()});
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

double tour_value(const model::Tour& tour) {
  double value = 0.0;
  for (const model::TourStop& stop : tour.stops) value += stop_value(stop.interest_score);
  return value;
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

PlanResult plan_tours(const std::vector<model::Attraction>& attractions,
                      const PlanPoints& points,
                      const TravelMatrix& matrix,
                      const model::GenerationOptions& options,
                      const std::vector<model::Tour>& previous,
                      const planner::SolveOptions& solve_options) {
  AttractionIndex node_of;
  planner::Problem problem = base_problem(attractions, points, matrix, options, node_of);
  const int k = effective_tour_count(attractions, points, options, previous);
  set_tour_count(problem, k, points, options);
  Constraints constraints = add_editor_constraints(problem, attractions, node_of, previous);
  // An editor's pins fix the tours' number and membership: the shape rules then only advise.
  planner::Solution solution = constraints.has_pins
                                   ? planner::solve(problem, solve_options)
                                   : plan_shaped(problem, k, points, options, solve_options);
  PlanResult result;
  result.warnings = std::move(constraints.warnings);
  for (const planner::Unplaced& unplaced : solution.unplaced) {
    const int a = points.attraction_of[static_cast<std::size_t>(unplaced.node)];
    const std::string name =
        a >= 0 ? model::effective_name(attractions[static_cast<std::size_t>(a)]) : "a stop";
    result.warnings.push_back("\"" + name + "\" could not be placed: " + unplaced.reason);
  }
  const bool free_ends = points.start_point < 0 && points.end_point < 0;
  const model::GeoPoint centre = centre_of(points);
  for (std::size_t t = 0; t < solution.tours.size(); ++t) {
    std::vector<int> nodes = solution.tours[t];
    const bool pinned = constraints.has_pins && !problem.frozen[t].empty();
    if (!constraints.has_pins && !nodes.empty() &&
        static_cast<int>(nodes.size()) < kMinStopsPerTour) {
      result.warnings.push_back(
          "no walkable tour of " + std::to_string(kMinStopsPerTour) +
          " stops could be made around \"" +
          model::effective_name(attractions[at(points.attraction_of[at(nodes.front())])]) +
          "\": left out");
      nodes.clear();
    }
    if (free_ends && !pinned) {
      start_near_centre(nodes,
                        points.points,
                        centre,
                        problem.travel,
                        options.minutes_per_tour - solution.tour_cost[t]);
    }
    result.tours.push_back(make_tour(nodes, attractions, points, matrix, options));
  }
  if (!constraints.has_pins) {
    // Without pinned tours, tour numbers carry no meaning yet: show the most valuable tour first.
    std::stable_sort(result.tours.begin(), result.tours.end(), [](const auto& x, const auto& y) {
      return tour_value(x) > tour_value(y);
    });
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
  title_tours(result.tours);
  return result;
}

void set_straight_legs(model::Tour& tour,
                       const std::vector<model::GeoPoint>& waypoints,
                       const std::vector<double>& leg_metres,
                       const std::vector<double>& leg_minutes) {
  tour.legs.clear();
  for (std::size_t i = 0; i + 1 < waypoints.size(); ++i) {
    tour.legs.push_back(
        {leg_metres[i], leg_minutes[i], encode_polyline({waypoints[i], waypoints[i + 1]})});
  }
  model::recompute_totals(tour);
}

}  // namespace core::algo
