#pragma once

#include <vector>

#include "shared/algo/travel_matrix.h"
#include "shared/model/geo_point.h"

namespace core::algo {

/// Fewest stops that make a tour worth offering; fewer good attractions means fewer tours.
inline constexpr int kMinStopsPerTour = 3;

/// Marks every walk between two stops longer than `max_leg_m` (the matrix's metres) unreachable
/// in `minutes`, so the planner never takes it. Pairs with a depot (`is_stop` false: a fixed start
/// or end) keep their time: the walker chose that point.
void limit_legs(planner::CostMatrix& minutes,
                const TravelMatrix& matrix,
                const std::vector<char>& is_stop,
                double max_leg_m);

/// Radius of the smallest circle around one of its stops that holds the whole tour, straight-line
/// metres (0 for an empty tour): "every stop within R of the tour's central stop".
double tour_radius_m(const std::vector<int>& stops, const std::vector<model::GeoPoint>& points);

/// Zones that keep each tour within `radius_m` of an anchor, for a solve after `tours` strayed.
/// A tour's anchor is its stop with the most candidate value within the radius; an empty tour's is
/// the candidate with the most value within the radius that no earlier zone holds. Returns, per
/// tour, a flag per node (see planner::Problem::allowed_stops). `candidates` lists the nodes that
/// may be stops.
std::vector<std::vector<char>> zones_for(const std::vector<std::vector<int>>& tours,
                                         const std::vector<int>& candidates,
                                         const std::vector<double>& value,
                                         const std::vector<model::GeoPoint>& points,
                                         double radius_m);

/// Turns a free-ended tour round when its last stop is nearer `centre` than its first (a walker
/// starts from the middle of town) and the reversed walk, by `minutes`, costs no more than
/// `slack` extra. Returns true when it reversed `stops`.
bool start_near_centre(std::vector<int>& stops,
                       const std::vector<model::GeoPoint>& points,
                       const model::GeoPoint& centre,
                       const planner::CostMatrix& minutes,
                       double slack);

}  // namespace core::algo
