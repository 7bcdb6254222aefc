#include "shared/planner/local_search.h"

#include <algorithm>

#include "shared/planner/insertion.h"
#include "shared/planner/relocate_move.h"
#include "shared/planner/replace_move.h"
#include "shared/planner/route_opt.h"
#include "shared/planner/swap_move.h"

namespace core::planner {
namespace {

void compact_dirty(const Instance& inst, TopState& state, Workspace& work) {
  for (int r = 0; r < state.route_count(); ++r) {
    if (work.dirty[at(r)] == 0) continue;
    if (inst.frozen[at(r)] == 0) optimise_route(inst, state, r, work);
    work.dirty[at(r)] = 0;
  }
}

}  // namespace

void local_search(const Instance& instance, TopState& state, Workspace& work, Rng& rng) {
  std::fill(work.blocked.begin(), work.blocked.end(), 0);
  const RecreateParams greedy{};
  for (;;) {
    compact_dirty(instance, state, work);
    if (recreate(instance, state, work, rng, greedy) > 0) continue;
    if (replace_stops(instance, state, work)) continue;
    if (relocate_stops(instance, state, work)) continue;
    if (swap_stops(instance, state, work)) continue;
    break;
  }
}

}  // namespace core::planner
