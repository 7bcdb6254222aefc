#include "shared/planner/replace_move.h"

#include <limits>

namespace core::planner {
namespace {

// Cheapest insertion of `node` into tour `r` once the stop at `p` is gone: returns the travel
// delta and the position to insert at after the removal.
double
insertion_without(const Instance& inst, const std::vector<int>& seq, int p, int node, int& pos) {
  const int a = seq[at(p - 1)];
  const int c = seq[at(p + 1)];
  double best = inst.d(a, node) + inst.d(node, c) - inst.d(a, c);
  pos = p;
  const int size = static_cast<int>(seq.size());
  for (int q = 1; q < size; ++q) {
    if (q == p || q == p + 1) continue;
    const int x = seq[at(q - 1)];
    const int y = seq[at(q)];
    const double delta = inst.d(x, node) + inst.d(node, y) - inst.d(x, y);
    if (delta < best) {
      best = delta;
      pos = q < p ? q : q - 1;
    }
  }
  return best;
}

// Tries the unvisited neighbours of the stop at position `p` of tour `r`; applies the best.
bool replace_at(const Instance& inst, TopState& state, int r, int p) {
  const std::vector<int>& seq = state.seq(r);
  const int i = seq[at(p)];
  const double removal = inst.d(seq[at(p - 1)], seq[at(p + 1)]) - inst.d(seq[at(p - 1)], i) -
                         inst.d(i, seq[at(p + 1)]);
  const double base_travel = state.travel(r) + removal;
  const double base_duration = state.duration(r) + removal - inst.service[at(i)];
  const double limit = inst.limit[at(r)];
  double best_score = inst.score[at(i)];
  double best_cost = state.route_cost(r);
  int best_node = -1;
  int best_pos = -1;
  const auto consider = [&](int j) {
    if (state.route_of(j) >= 0 || !inst.may_visit(j, r) ||
        inst.score[at(j)] < best_score - kEpsilon) {
      return;
    }
    // Detours are >= 0 on street data: a visit that alone overflows the tour cannot fit.
    if (base_duration + inst.service[at(j)] > limit) return;
    int pos = -1;
    const double ins = insertion_without(inst, seq, p, j, pos);
    const double duration = base_duration + ins + inst.service[at(j)];
    if (duration > limit) return;
    const double cost = state.route_cost(r, base_travel + ins, duration);
    if (better(inst.score[at(j)], cost, best_score, best_cost)) {
      best_score = inst.score[at(j)];
      best_cost = cost;
      best_node = j;
      best_pos = pos;
    }
  };
  // Every unvisited stop worth more (a landmark may be far from the stop it replaces), then the
  // neighbours for swaps at equal interest that shorten the tour.
  for (const int j : inst.by_score) {
    if (inst.score[at(j)] <= inst.score[at(i)] + kEpsilon) break;
    consider(j);
  }
  const int* near = inst.neighbours_of(i);
  for (int n = 0; n < inst.neighbour_count && near[n] >= 0; ++n) consider(near[n]);
  if (best_node < 0) return false;
  state.remove(r, p);
  state.insert(r, best_pos, best_node);
  debug_check(state, "replace");
  return true;
}

}  // namespace

bool replace_stops(const Instance& instance, TopState& state, Workspace& work) {
  bool improved = false;
  for (int r = 0; r < state.route_count(); ++r) {
    if (instance.frozen[at(r)] != 0) continue;
    for (int p = 1; p <= state.stop_count(r); ++p) {
      if (replace_at(instance, state, r, p)) {
        improved = true;
        work.dirty[at(r)] = 1;
      }
    }
  }
  return improved;
}

}  // namespace core::planner
