#include "shared/planner/relocate_move.h"

#include <limits>

namespace core::planner {
namespace {

// Cheapest edge of tour q next to one of `node`'s neighbours (or a tour end): a granular
// version of best_insertion, enough for moves that only trade travel.
double near_insertion(const Instance& inst, const TopState& state, int q, int node, int& pos) {
  const std::vector<int>& seq = state.seq(q);
  const int last = static_cast<int>(seq.size()) - 1;
  double best = std::numeric_limits<double>::infinity();
  pos = -1;
  const auto edge = [&](int k) {
    if (k < 1 || k > last) return;
    const double delta = inst.d(seq[at(k - 1)], node) + inst.d(node, seq[at(k)]) -
                         inst.d(seq[at(k - 1)], seq[at(k)]);
    if (delta < best) {
      best = delta;
      pos = k;
    }
  };
  edge(1);
  edge(last);
  const int* near = inst.neighbours_of(node);
  for (int k = 0; k < inst.neighbour_count && near[k] >= 0; ++k) {
    if (state.route_of(near[k]) != q) continue;
    edge(state.pos_of(near[k]));
    edge(state.pos_of(near[k]) + 1);
  }
  return best;
}

// Best other tour for the stop at position `p` of tour `r`; applies it if it lowers the cost.
bool relocate_at(const Instance& inst, TopState& state, Workspace& work, int r, int p) {
  const std::vector<int>& seq = state.seq(r);
  const int i = seq[at(p)];
  const double removal = inst.d(seq[at(p - 1)], seq[at(p + 1)]) - inst.d(seq[at(p - 1)], i) -
                         inst.d(i, seq[at(p + 1)]);
  const double r_cost = state.route_cost(
      r, state.travel(r) + removal, state.duration(r) + removal - inst.service[at(i)]);
  double best_gain = kEpsilon;
  int best_route = -1;
  int best_pos = -1;
  for (int q = 0; q < state.route_count(); ++q) {
    if (q == r || inst.frozen[at(q)] != 0 || !inst.may_visit(i, q)) continue;
    int pos = -1;
    const double ins = near_insertion(inst, state, q, i, pos);
    if (ins + inst.service[at(i)] > state.slack(q)) continue;
    const double q_cost =
        state.route_cost(q, state.travel(q) + ins, state.duration(q) + ins + inst.service[at(i)]);
    const double gain = state.route_cost(r) + state.route_cost(q) - r_cost - q_cost;
    if (gain > best_gain) {
      best_gain = gain;
      best_route = q;
      best_pos = pos;
    }
  }
  if (best_route < 0) return false;
  state.remove(r, p);
  state.insert(best_route, best_pos, i);
  debug_check(state, "relocate");
  work.dirty[at(r)] = 1;
  work.dirty[at(best_route)] = 1;
  return true;
}

}  // namespace

bool relocate_stops(const Instance& instance, TopState& state, Workspace& work) {
  bool improved = false;
  for (int r = 0; r < state.route_count(); ++r) {
    if (instance.frozen[at(r)] != 0) continue;
    for (int p = 1; p <= state.stop_count(r); ++p) {
      if (relocate_at(instance, state, work, r, p)) {
        improved = true;
        --p;  // a new stop now sits at p
      }
    }
  }
  return improved;
}

}  // namespace core::planner
