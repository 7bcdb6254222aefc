#pragma once

#include <cstdint>

#include "shared/planner/solver.h"
#include "shared/planner/top_state.h"

namespace core::planner {

/// Iterations of the default effort for `instance` (calibrated so that 300 stops and 4 tours of
/// 180 min take well under 300 ms on a 2-core 2020s machine).
std::int64_t default_iterations(const Instance& instance);

/// Ruin-and-recreate search with local search and annealing-style acceptance over cycles that
/// restart from the best plan. Returns the best plan found. Deterministic for a seed when
/// `options.stop` is null.
TopState search_tours(const Instance& instance, const SolveOptions& options);

}  // namespace core::planner
