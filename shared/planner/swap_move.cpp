#include "shared/planner/swap_move.h"

namespace core::planner {
namespace {

// Exchange of the stops at `p` (tour r) and `p2` (tour q): change of travel in each tour.
struct SwapDelta {
  double r_travel;
  double q_travel;
};

SwapDelta swap_delta(
    const Instance& inst, const std::vector<int>& a, int p, const std::vector<int>& b, int p2) {
  const int i = a[at(p)];
  const int k = b[at(p2)];
  const int ap = a[at(p - 1)];
  const int an = a[at(p + 1)];
  const int bp = b[at(p2 - 1)];
  const int bn = b[at(p2 + 1)];
  return {inst.d(ap, k) + inst.d(k, an) - inst.d(ap, i) - inst.d(i, an),
          inst.d(bp, i) + inst.d(i, bn) - inst.d(bp, k) - inst.d(k, bn)};
}

bool swap_at(const Instance& inst, TopState& state, Workspace& work, int r, int p) {
  const int i = state.seq(r)[at(p)];
  for (int q = r + 1; q < state.route_count(); ++q) {
    if (inst.frozen[at(q)] != 0 || !inst.may_visit(i, q)) continue;
    for (int p2 = 1; p2 <= state.stop_count(q); ++p2) {
      const int k = state.seq(q)[at(p2)];
      if (!inst.may_visit(k, r)) continue;
      const SwapDelta delta = swap_delta(inst, state.seq(r), p, state.seq(q), p2);
      const double shift = inst.service[at(k)] - inst.service[at(i)];
      if (delta.r_travel + shift > state.slack(r) || delta.q_travel - shift > state.slack(q))
        continue;
      const double r_cost = state.route_cost(
          r, state.travel(r) + delta.r_travel, state.duration(r) + delta.r_travel + shift);
      const double q_cost = state.route_cost(
          q, state.travel(q) + delta.q_travel, state.duration(q) + delta.q_travel - shift);
      if (r_cost + q_cost < state.route_cost(r) + state.route_cost(q) - kEpsilon) {
        state.edit(r)[at(p)] = k;
        state.edit(q)[at(p2)] = i;
        state.refresh(r);
        state.refresh(q);
        debug_check(state, "swap");
        work.dirty[at(r)] = 1;
        work.dirty[at(q)] = 1;
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool swap_stops(const Instance& instance, TopState& state, Workspace& work) {
  bool improved = false;
  for (int r = 0; r < state.route_count(); ++r) {
    if (instance.frozen[at(r)] != 0) continue;
    for (int p = 1; p <= state.stop_count(r); ++p) {
      improved = swap_at(instance, state, work, r, p) || improved;
    }
  }
  return improved;
}

}  // namespace core::planner
