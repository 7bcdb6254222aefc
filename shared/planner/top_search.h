#pragma once

#include <cstdint>

#include "shared/planner/solver.h"
#include "shared/planner/top_state.h"

namespace core::planner {

/// Iterations of the default effort for `instance` (6 per candidate stop: 300 stops and 4 tours of
/// 180 min take 0.15-0.27 s on the project's 2-core machine; see BENCHMARKS.md).
std::int64_t default_iterations(const Instance& instance);

/// Ruin-and-recreate search with local search and annealing-style acceptance over cycles that
/// restart from the best plan. Returns the best plan found. Deterministic for a seed when
/// `options.stop` is null.
TopState search_tours(const Instance& instance, const SolveOptions& options);

}  // namespace core::planner
