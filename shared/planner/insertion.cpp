#include "shared/planner/insertion.h"

#include <limits>

namespace core::planner {
namespace {

constexpr double kNone = std::numeric_limits<double>::infinity();

std::size_t cell(const Instance& inst, int node, int r) { return at(node * inst.tour_count + r); }

void fill_cache(const Instance& inst, const TopState& state, Workspace& work, int r) {
  for (const int node : work.pool) {
    const std::size_t c = cell(inst, node, r);
    if (!inst.may_visit(node, r)) {
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

int recreate(const Instance& instance, TopState& state, Workspace& work, Rng& rng, const RecreateParams& params) {
  work.pool.clear();
  for (const int node : instance.candidates) {
    if (state.route_of(node) >= 0 || work.blocked[at(node)] != 0) continue;
    work.pool.push_back(node);
    work.noise[at(node)] = params.noise > 0.0 ? 1.0 + params.noise * (2.0 * rng.uniform() - 1.0) : 1.0;
  }
  for (int r = 0; r < state.route_count(); ++r) {
    if (instance.frozen[at(r)] == 0) fill_cache(instance, state, work, r);
  }
  int inserted = 0;
  while (!work.pool.empty()) {
    double best = -1.0;
    std::size_t best_index = 0;
    int best_route = -1;
    for (std::size_t i = 0; i < work.pool.size(); ++i) {
      const int node = work.pool[i];
      for (int r = 0; r < state.route_count(); ++r) {
        if (instance.frozen[at(r)] != 0) continue;
        const double delta = work.ins_delta[cell(instance, node, r)];
        if (delta == kNone || delta + instance.service[at(node)] > state.slack(r)) continue;
        const double value = priority(instance, node, r, delta, params.rule) * work.noise[at(node)];
        if (value > best) {
          best = value;
          best_index = i;
          best_route = r;
        }
      }
    }
    if (best_route < 0) break;
    const int node = work.pool[best_index];
    const int pos = work.ins_pos[cell(instance, node, best_route)];
    work.pool[best_index] = work.pool.back();
    work.pool.pop_back();
    state.insert(best_route, pos, node);
    work.dirty[at(best_route)] = 1;
    update_cache(instance, state, work, best_route, pos);
    ++inserted;
  }
  return inserted;
}

}  // namespace core::planner
