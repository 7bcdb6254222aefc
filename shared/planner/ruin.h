#pragma once

#include "shared/planner/rng.h"
#include "shared/planner/top_state.h"
#include "shared/planner/workspace.h"

namespace core::planner {

/// Which stops a ruin step takes out.
enum class RuinKind {
  Random,   ///< any stops
  Related,  ///< a stop and the stops nearest to it (over all tours)
  Segment,  ///< consecutive stops of one tour
  Route,    ///< every stop of one tour
};

/// Removes up to `count` non-frozen stops chosen by `kind` and lists them in work.removed.
/// Marks changed tours dirty. Never allocates.
void ruin(
    const Instance& instance, TopState& state, Workspace& work, Rng& rng, RuinKind kind, int count);

}  // namespace core::planner
