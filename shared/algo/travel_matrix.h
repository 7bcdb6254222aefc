#pragma once

#include "shared/planner/cost_matrix.h"

namespace core::algo {

/// Cost of a pair that cannot be walked (no path, or a leg over the tour's limit), in metres and
/// minutes alike: far above any budget, so the planner never uses it, yet finite.
inline constexpr double kUnreachable = 1.0e7;

/// Walking distances and times between a list of points (same indices in both matrices).
struct TravelMatrix {
  planner::CostMatrix metres;
  planner::CostMatrix minutes;
};

}  // namespace core::algo
