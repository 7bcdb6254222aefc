#pragma once

#include "shared/planner/rng.h"
#include "shared/planner/top_state.h"
#include "shared/planner/workspace.h"

namespace core::planner {

/// Cheapest place to put `node` in tour `r`: returns the travel increase and sets `pos` (the
/// position the node would take). Ignores the budget.
double best_insertion(const Instance& instance, const TopState& state, int r, int node, int& pos);

/// How recreate() ranks candidate insertions.
enum class InsertionRule {
  Ratio,    ///< score / added duration
  Squared,  ///< score^2 / added duration (favours high scores)
};

/// Settings of one recreate() call.
struct RecreateParams {
  InsertionRule rule = InsertionRule::Ratio;
  double noise = 0.0;  ///< each node's priority is scaled by a factor in [1-noise, 1+noise]
};

/// Greedily inserts unvisited, unblocked candidates (work.blocked) while one fits in some tour,
/// best priority first. Returns the number of stops inserted. Never allocates.
int recreate(const Instance& instance,
             TopState& state,
             Workspace& work,
             Rng& rng,
             const RecreateParams& params);

}  // namespace core::planner
