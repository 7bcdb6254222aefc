#pragma once

#include "shared/planner/top_state.h"
#include "shared/planner/workspace.h"

namespace core::planner {

/// Replace: swaps a stop for an unvisited neighbour (placed at its cheapest spot in the same
/// tour) when that raises the score, or keeps it and lowers the tie-break cost. Applies every
/// improving swap found in one sweep; returns true if any. Marks changed tours dirty.
bool replace_stops(const Instance& instance, TopState& state, Workspace& work);

}  // namespace core::planner
