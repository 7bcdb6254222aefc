#pragma once

#include "shared/planner/rng.h"
#include "shared/planner/top_state.h"
#include "shared/planner/workspace.h"

namespace core::planner {

/// Variable-neighbourhood descent to a local optimum of (score, tie-break cost): reorders dirty
/// tours, inserts unvisited stops, replaces stops by better unvisited ones, relocates and swaps
/// stops between tours. Ignores and clears work.blocked. Never allocates.
void local_search(const Instance& instance, TopState& state, Workspace& work, Rng& rng);

}  // namespace core::planner
