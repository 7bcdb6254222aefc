#pragma once

#include "shared/planner/top_state.h"
#include "shared/planner/workspace.h"

namespace core::planner {

/// Swap: exchanges two stops of different tours in place when that lowers the tie-break cost
/// within budgets. Applies the improving moves of one sweep; returns true if any.
bool swap_stops(const Instance& instance, TopState& state, Workspace& work);

}  // namespace core::planner
