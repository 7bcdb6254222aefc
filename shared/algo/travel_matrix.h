#pragma once

#include "shared/planner/cost_matrix.h"

namespace core::algo {

/// Walking distances and times between a list of points (same indices in both matrices).
struct TravelMatrix {
  planner::CostMatrix metres;
  planner::CostMatrix minutes;
};

}  // namespace core::algo
