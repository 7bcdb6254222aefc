#pragma once

#include <string>
#include <vector>

#include "shared/planner/instance.h"

namespace core::planner {

/// A working TOP solution: one node sequence per tour (start depot first, end depot last), the
/// tour of every node and cached totals. Copy assignment reuses storage (no allocation once built).
class TopState {
 public:
  /// Empty tours (frozen tours hold their frozen stops). Keeps a pointer to `instance`.
  explicit TopState(const Instance& instance);

  /// Empties every non-frozen tour.
  void clear();
  /// The instance this state plans for.
  const Instance& instance() const { return *m_inst; }
  /// Number of tours.
  int route_count() const { return static_cast<int>(m_seq.size()); }
  /// Sequence of tour `r` including its two end nodes.
  const std::vector<int>& seq(int r) const { return m_seq[at(r)]; }
  /// Number of stops of tour `r`.
  int stop_count(int r) const { return static_cast<int>(m_seq[at(r)].size()) - 2; }
  /// Mutable sequence: callers may reorder or exchange stops, then must call refresh().
  std::vector<int>& edit(int r) { return m_seq[at(r)]; }
  /// Tour holding `node` as a stop, or -1.
  int route_of(int node) const { return m_route_of[at(node)]; }
  /// Position of `node` in its tour's sequence (valid when route_of(node) >= 0).
  int pos_of(int node) const { return m_pos_of[at(node)]; }
  /// Travel of tour `r` (service excluded).
  double travel(int r) const { return m_travel[at(r)]; }
  /// Travel + service of tour `r`.
  double duration(int r) const { return m_travel[at(r)] + m_service[at(r)]; }
  /// Budget left in tour `r` (within the rounding tolerance).
  double slack(int r) const { return m_inst->limit[at(r)] - duration(r); }
  /// Search score of the stops of the non-frozen tours (with required-node bonuses).
  double score() const { return m_score; }
  /// Total tie-break cost: travel plus the balance term.
  double secondary() const { return m_secondary; }
  /// Tie-break cost of tour `r` if it had this travel and duration.
  double route_cost(int r, double travel, double duration) const;
  /// Current tie-break cost of tour `r`.
  double route_cost(int r) const { return m_route_cost[at(r)]; }

  /// Inserts `node` (unvisited) before position `pos` (1..size-1) of tour `r`.
  void insert(int r, int pos, int node);
  /// Removes the stop at position `pos` of tour `r`; returns the node.
  int remove(int r, int pos);
  /// Recomputes the cached values of tour `r` from its sequence, exactly.
  void refresh(int r);
  /// Empty when the state holds together: every tour runs from its start to its end depot, a
  /// frozen tour keeps its frozen stops, every other stop is a node its tour may visit, no node
  /// is in two places, and each cached value (travel, service, tie-break cost, tour and position
  /// of every node, score, total cost) equals its value recomputed from the sequences.
  /// Otherwise names the first that diverged. Budgets are not part of it: on a matrix without
  /// the triangle inequality, taking a stop out can lengthen a tour (plans are repaired before
  /// they are returned).
  std::string first_divergence() const;
  /// Empty when every non-frozen tour with stops fits its budget (within the rounding
  /// tolerance); otherwise the first tour that does not.
  std::string first_over_budget() const;
  /// True when the state holds together and fits its budgets (for tests).
  bool consistent() const { return first_divergence().empty() && first_over_budget().empty(); }
  /// Throws std::logic_error "<after>: <first_divergence()>" unless the state holds together.
  void check_invariants(const char* after) const;

 private:
  // Checks tour `r` (see first_divergence()); records where each of its stops is.
  std::string route_divergence(int r, std::vector<int>& route_of, std::vector<int>& pos_of) const;

  const Instance* m_inst;
  std::vector<std::vector<int>> m_seq;
  std::vector<double> m_travel;
  std::vector<double> m_service;
  std::vector<double> m_route_cost;
  std::vector<int> m_route_of;
  std::vector<int> m_pos_of;
  double m_score = 0.0;
  double m_secondary = 0.0;
};

/// Checks `state` after a move `after` names (check_invariants()) in debug builds; compiled out
/// with NDEBUG, so the search's hot loops pay nothing in release builds.
inline void debug_check(const TopState& state, const char* after) {
#ifndef NDEBUG
  state.check_invariants(after);
#else
  static_cast<void>(state);
  static_cast<void>(after);
#endif
}

/// True when (score_a, cost_a) is lexicographically better than (score_b, cost_b).
inline bool better(double score_a, double cost_a, double score_b, double cost_b) {
  return score_a > score_b + kEpsilon ||
         (score_a > score_b - kEpsilon && cost_a < cost_b - kEpsilon);
}

/// True when state `a` is better than state `b` (score first, then tie-break cost).
inline bool better(const TopState& a, const TopState& b) {
  return better(a.score(), a.secondary(), b.score(), b.secondary());
}

}  // namespace core::planner
