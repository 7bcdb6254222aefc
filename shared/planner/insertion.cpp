#include "shared/planner/insertion.h"

#include <limits>

namespace core::planner {
namespace {

constexpr double kNone = std::numeric_limits<double>::infinity();

std::size_t cell(const Instance& inst, int node, int r) {
  return at(node * inst.tour_count + r);
}

void fill_cache(const Instance& inst, const TopState& state, Workspace& work, int r) {
  for (const int node : work.pool) {
    const std::size_t c = cell(inst, node, r);
    // Slack only shrinks during a recreate, and on street networks a detour is never negative:
    // a visit longer than the slack can be ruled out without scanning the tour.
    if (!inst.may_visit(node, r) || inst.service[at(node)] > state.slack(r)) {
      work.ins_delta[c] = kNone;
      continue;
    }
    int pos = -1;
    work.ins_delta[c] = best_insertion(inst, state, r, node, pos);
    work.ins_pos[c] = pos;
  }
}

// After `state` got a stop at position `pos` of tour `r`, refresh the cached insertions there.
void update_cache(const Instance& inst, const TopState& state, Workspace& work, int r, int pos) {
  const std::vector<int>& seq = state.seq(r);
  const int prev = seq[at(pos - 1)];
  const int mid = seq[at(pos)];
  const int next = seq[at(pos + 1)];
  for (const int node : work.pool) {
    const std::size_t c = cell(inst, node, r);
    if (work.ins_delta[c] == kNone) continue;
    if (work.ins_pos[c] == pos) {
      int p = -1;
      work.ins_delta[c] = best_insertion(inst, state, r, node, p);
      work.ins_pos[c] = p;
      continue;
    }
    if (work.ins_pos[c] > pos) ++work.ins_pos[c];
    const double left = inst.d(prev, node) + inst.d(node, mid) - inst.d(prev, mid);
    const double right = inst.d(mid, node) + inst.d(node, next) - inst.d(mid, next);
    if (left < work.ins_delta[c]) {
      work.ins_delta[c] = left;
      work.ins_pos[c] = pos;
    }
    if (right < work.ins_delta[c]) {
      work.ins_delta[c] = right;
      work.ins_pos[c] = pos + 1;
    }
  }
}

double priority(const Instance& inst, int node, int r, double delta, InsertionRule rule) {
  const double added = delta + inst.service[at(node)];
  const double score = inst.score[at(node)];
  // The floor keeps zero-cost insertions (on the way, free ends) finite and still ordered by score.
  const double floor = 1e-6 * (1.0 + inst.budget[at(r)]);
  const double gain = rule == InsertionRule::Squared ? score * score : score;
  return gain / (added > floor ? added : floor);
}

// Highest-priority feasible insertion: returns the node (taken out of the pool) and sets `route`,
// or returns -1. Nodes that fit nowhere leave the pool for good, since slack only shrinks.
int pick_insertion(
    const Instance& inst, const TopState& state, Workspace& work, InsertionRule rule, int& route) {
  double best = -1.0;
  std::size_t best_index = 0;
  route = -1;
  for (std::size_t i = 0; i < work.pool.size();) {
    const int node = work.pool[i];
    bool fits = false;
    for (int r = 0; r < state.route_count(); ++r) {
      if (work.open[at(r)] == 0) continue;
      const double delta = work.ins_delta[cell(inst, node, r)];
      if (delta == kNone || delta + inst.service[at(node)] > state.slack(r)) continue;
      fits = true;
      const double value = priority(inst, node, r, delta, rule) * work.noise[at(node)];
      if (value > best) {
        best = value;
        best_index = i;
        route = r;
      }
    }
    if (fits) {
      ++i;
      continue;
    }
    if (route >= 0 && best_index == work.pool.size() - 1)
      best_index = i;  // the best moves into slot i
    work.pool[i] = work.pool.back();
    work.pool.pop_back();
  }
  if (route < 0) return -1;
  const int node = work.pool[best_index];
  work.pool[best_index] = work.pool.back();
  work.pool.pop_back();
  return node;
}

}  // namespace

double best_insertion(const Instance& instance, const TopState& state, int r, int node, int& pos) {
  const std::vector<int>& seq = state.seq(r);
  double best = kNone;
  pos = -1;
  for (std::size_t p = 1; p < seq.size(); ++p) {
    const int a = seq[p - 1];
    const int b = seq[p];
    const double delta = instance.d(a, node) + instance.d(node, b) - instance.d(a, b);
    if (delta < best) {
      best = delta;
      pos = static_cast<int>(p);
    }
  }
  return best;
}

int recreate(const Instance& instance,
             TopState& state,
             Workspace& work,
             Rng& rng,
             const RecreateParams& params) {
  // A tour whose slack is below every visit time cannot take a stop (detours are >= 0).
  bool any_open = false;
  for (int r = 0; r < state.route_count(); ++r) {
    work.open[at(r)] =
        instance.frozen[at(r)] == 0 && state.slack(r) >= instance.min_service ? 1 : 0;
    any_open = any_open || work.open[at(r)] != 0;
  }
  if (!any_open) return 0;
  work.pool.clear();
  for (const int node : instance.candidates) {
    if (state.route_of(node) >= 0 || work.blocked[at(node)] != 0) continue;
    work.pool.push_back(node);
    work.noise[at(node)] =
        params.noise > 0.0 ? 1.0 + params.noise * (2.0 * rng.uniform() - 1.0) : 1.0;
  }
  for (int r = 0; r < state.route_count(); ++r) {
    if (work.open[at(r)] != 0) fill_cache(instance, state, work, r);
  }
  int inserted = 0;
  for (;;) {
    int route = -1;
    const int node = pick_insertion(instance, state, work, params.rule, route);
    if (node < 0) break;
    const int pos = work.ins_pos[cell(instance, node, route)];
    state.insert(route, pos, node);
    debug_check(state, "recreate: insertion");
    work.dirty[at(route)] = 1;
    work.open[at(route)] = state.slack(route) >= instance.min_service ? 1 : 0;
    if (work.open[at(route)] != 0) update_cache(instance, state, work, route, pos);
    ++inserted;
  }
  return inserted;
}

}  // namespace core::planner
