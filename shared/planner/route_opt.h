#pragma once

#include "shared/planner/top_state.h"
#include "shared/planner/workspace.h"

namespace core::planner {

/// Reorders the stops of tour `r` with 2-opt and Or-opt (segments of 1-3 stops, either direction)
/// until no move shortens it. Correct for asymmetric travel. Returns true if the tour changed.
bool optimise_route(const Instance& instance, TopState& state, int r, Workspace& work);

/// Fills work.fwd / work.bwd with prefix travel of `seq` walked forwards / backwards.
void prefix_travel(const Instance& instance, const std::vector<int>& seq, Workspace& work);

}  // namespace core::planner
