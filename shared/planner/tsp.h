#pragma once

#include <vector>

#include "shared/planner/cost_matrix.h"
#include "shared/planner/solver.h"

namespace core::planner {

/// A closed tour over every node.
struct TspResult {
  std::vector<int> order;  ///< a permutation of 0..n-1; the tour returns from the last to the first
  double length = 0.0;     ///< sum of travel along the closed tour
};

/// Shortest closed tour over all nodes of `travel` (asymmetric matrices supported): greedy
/// construction, 2-opt and Or-opt over neighbour lists with a work queue, iterated with
/// double-bridge kicks (mostly local segment swaps, one in four over the whole tour).
/// `options.max_iterations` counts kicks (-1: a default scaled by n); `options.stop` ends it early.
/// Exact (exhaustive) up to 8 nodes. Pure; deterministic for a seed when `options.stop` is null.
TspResult solve_tsp(const CostMatrix& travel, const SolveOptions& options);

}  // namespace core::planner
