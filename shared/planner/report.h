#pragma once

#include "shared/planner/problem.h"
#include "shared/planner/top_state.h"

namespace core::planner {

/// Turns the final plan into a Solution: stops per tour, totals, required stops or locks left out
/// with a human reason (tours are numbered from 1 in reasons) and warnings about frozen tours.
Solution make_solution(const Problem& problem, const Instance& instance, const TopState& state);

}  // namespace core::planner
