#pragma once

#include <cstdint>
#include <vector>

#include "shared/planner/route_pool.h"

namespace core::planner {

/// Best combination of pairwise disjoint pool tours (at most as many of a class as it has
/// tours): branch and bound over the pool sorted by score. Buffers are sized once.
class SetPacking {
 public:
  /// Buffers for `instance` and a pool of at most `capacity` tours.
  SetPacking(const Instance& instance, int capacity);

  /// Searches the pool (at most `step_limit` branch steps, so the cost is bounded and the result
  /// deterministic) for a combination better than the non-frozen tours of `state` (score first,
  /// then tie-break cost). If it finds one, writes it into those tours and returns true.
  bool improve(const RoutePool& pool, TopState& state, std::int64_t step_limit);

 private:
  void branch(const RoutePool& pool, int start, int depth, double score, double cost);
  bool fits(const RoutePool& pool, int i) const;
  void mark(const RoutePool& pool, int i, char value);

  const Instance* m_inst;
  std::vector<int> m_order;      ///< pool indices by decreasing score
  std::vector<double> m_prefix;  ///< prefix sums of scores along m_order
  std::vector<char> m_used;      ///< per node: taken by the partial combination
  std::vector<int> m_left;       ///< per class: tours still free
  std::vector<int> m_chosen;     ///< partial combination (pool indices)
  std::vector<int> m_best;       ///< best combination so far
  double m_best_score = 0.0;
  double m_best_cost = 0.0;
  std::int64_t m_steps = 0;
  std::int64_t m_step_limit = 0;
  bool m_found = false;
};

}  // namespace core::planner
