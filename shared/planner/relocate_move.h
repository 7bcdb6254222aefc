#pragma once

#include "shared/planner/top_state.h"
#include "shared/planner/workspace.h"

namespace core::planner {

/// Relocate: moves one stop to its cheapest spot in another tour when that lowers the tie-break
/// cost (travel and balance) within budgets. Applies the improving moves of one sweep; returns
/// true if any. Marks changed tours dirty.
bool relocate_stops(const Instance& instance, TopState& state, Workspace& work);

}  // namespace core::planner
