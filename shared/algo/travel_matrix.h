#pragma once

#include "shared/planner/cost_matrix.h"

namespace core::algo {

/// Minutes and metres of a pair that cannot be walked (no path on the network, Routes found none,
/// or a leg over the tour's limit): finite, so sums and comparisons stay well defined, and longer
/// than any tour's time budget, so no tour walks it. Never 0: an unreachable pair is never free.
inline constexpr double kUnreachable = 1.0e7;

/// True if a matrix value is the kUnreachable sentinel (or beyond it).
inline constexpr bool is_unreachable(double value) {
  return value >= kUnreachable;
}

/// Walking distances and times between a list of points (same indices in both matrices).
struct TravelMatrix {
  planner::CostMatrix metres;
  planner::CostMatrix minutes;
};

}  // namespace core::algo
