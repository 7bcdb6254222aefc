#include "shared/planner/set_packing.h"

#include <algorithm>

namespace core::planner {

SetPacking::SetPacking(const Instance& instance, int capacity)
    : m_inst(&instance), m_used(at(instance.size), 0), m_left(at(instance.tour_count), 0) {
  m_order.reserve(at(capacity));
  m_prefix.reserve(at(capacity) + 1);
  m_chosen.reserve(at(instance.tour_count));
  m_best.reserve(at(instance.tour_count));
}

bool SetPacking::fits(const RoutePool& pool, int i) const {
  if (m_left[at(pool.route_class(i))] == 0) return false;
  for (const int node : pool.stops(i)) {
    if (m_used[at(node)] != 0) return false;
  }
  return true;
}

void SetPacking::mark(const RoutePool& pool, int i, char value) {
  for (const int node : pool.stops(i)) m_used[at(node)] = value;
  m_left[at(pool.route_class(i))] += value != 0 ? -1 : 1;
}

void SetPacking::branch(const RoutePool& pool, int start, int depth, double score, double cost) {
  if (better(score, cost, m_best_score, m_best_cost)) {
    m_best_score = score;
    m_best_cost = cost;
    m_best = m_chosen;
    m_found = true;
  }
  if (depth == 0) return;
  const int count = static_cast<int>(m_order.size());
  for (int k = start; k < count; ++k) {
    if (++m_steps > m_step_limit) return;
    // The next `depth` scores bound anything reachable from here; later starts bound lower.
    const int stop = std::min(count, k + depth);
    if (score + m_prefix[at(stop)] - m_prefix[at(k)] < m_best_score - kEpsilon) return;
    const int i = m_order[at(k)];
    if (!fits(pool, i)) continue;
    mark(pool, i, 1);
    m_chosen.push_back(i);
    branch(pool, k + 1, depth - 1, score + pool.score(i), cost + pool.cost(i));
    m_chosen.pop_back();
    mark(pool, i, 0);
  }
}

bool SetPacking::improve(const RoutePool& pool, TopState& state, std::int64_t step_limit) {
  const Instance& inst = *m_inst;
  m_order.resize(at(pool.size()));
  for (int i = 0; i < pool.size(); ++i) m_order[at(i)] = i;
  std::sort(m_order.begin(), m_order.end(), [&pool](int a, int b) {
    if (pool.score(a) != pool.score(b)) return pool.score(a) > pool.score(b);
    if (pool.cost(a) != pool.cost(b)) return pool.cost(a) < pool.cost(b);
    return a < b;
  });
  m_prefix.assign(1, 0.0);
  for (const int i : m_order) m_prefix.push_back(m_prefix.back() + pool.score(i));
  std::fill(m_used.begin(), m_used.end(), 0);
  std::fill(m_left.begin(), m_left.end(), 0);
  int depth = 0;
  m_best_score = 0.0;
  m_best_cost = 0.0;
  for (int r = 0; r < state.route_count(); ++r) {
    if (inst.frozen[at(r)] != 0) continue;
    ++m_left[at(pool.class_of(r))];
    ++depth;
    m_best_cost += cost_above_empty(state, r);
    for (int p = 1; p <= state.stop_count(r); ++p)
      m_best_score += inst.score[at(state.seq(r)[at(p)])];
  }
  m_chosen.clear();
  m_best.clear();
  m_steps = 0;
  m_step_limit = step_limit;
  m_found = false;
  branch(pool, 0, depth, 0.0, 0.0);
  if (!m_found) return false;
  state.clear();
  for (const int i : m_best) {
    int r = 0;
    while (inst.frozen[at(r)] != 0 || pool.class_of(r) != pool.route_class(i) ||
           state.stop_count(r) > 0)
      ++r;
    for (const int node : pool.stops(i)) state.insert(r, state.stop_count(r) + 1, node);
    debug_check(state, "set packing");
  }
  return true;
}

}  // namespace core::planner
