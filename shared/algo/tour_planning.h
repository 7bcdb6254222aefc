#pragma once

#include <string>
#include <vector>

#include "shared/algo/tour_shape.h"
#include "shared/algo/travel_matrix.h"
#include "shared/model/attraction.h"
#include "shared/model/generation_options.h"
#include "shared/model/tour.h"
#include "shared/planner/solver.h"

namespace core::algo {

/// The points a plan needs distances for: the start and end (when fixed), then every
/// effectively included attraction. `attraction_of[i]` indexes the attraction of point i, or -1.
struct PlanPoints {
  std::vector<model::GeoPoint> points;
  std::vector<int> attraction_of;
  int start_point = -1;  ///< -1: free start
  int end_point = -1;    ///< -1: free end
};

/// Collects the points for `attractions` under `options` (start/end as in GenerationOptions).
PlanPoints plan_points(const std::vector<model::Attraction>& attractions,
                       const model::GenerationOptions& options);

/// Tours and what could not be honoured.
struct PlanResult {
  std::vector<model::Tour> tours;     ///< non-empty tours, legs as straight segments
  std::vector<std::string> warnings;  ///< e.g. a must-include stop that cannot fit
};

/// Plans the tours: at most K disjoint tours within `options.minutes_per_tour` that collect the
/// most value (stop_value(): a headline sight first). Shape rules: no leg over
/// `options.max_leg_m`, every stop within `options.tour_radius_m` of its tour's central stop, no
/// tour under kMinStopsPerTour stops, one tour fewer whenever that loses under 2 % of the value and
/// a tour would use under half its budget; a free-ended tour starts at its end nearer the middle of
/// the stops. Honours the editor's decisions: explicitly included stops must be placed,
/// `editor.locked_tour` keeps a stop in its tour, and tours of `previous` with `order_locked` are
/// kept exactly (pins fix the number of tours). `matrix` covers `points.points`. Pure and
/// deterministic for `solve_options.seed` without a stop token.
PlanResult plan_tours(const std::vector<model::Attraction>& attractions,
                      const PlanPoints& points,
                      const TravelMatrix& matrix,
                      const model::GenerationOptions& options,
                      const std::vector<model::Tour>& previous,
                      const planner::SolveOptions& solve_options);

/// Straight-line legs for `tour` from the matrix (walking model or measured times), with
/// two-point polylines; totals recomputed.
void set_straight_legs(model::Tour& tour,
                       const std::vector<model::GeoPoint>& waypoints,
                       const std::vector<double>& leg_metres,
                       const std::vector<double>& leg_minutes);

}  // namespace core::algo
