#pragma once

#include <vector>

#include "shared/planner/cost_matrix.h"

namespace core::planner {

/// Greedy-edge tour: the shortest candidate edges (from `neighbours`, n x `count`) are taken while
/// no node gets degree 3 and no cycle closes early; fragments are then chained nearest end
/// first. Returns a permutation of 0..n-1. Deterministic.
std::vector<int>
greedy_tour(const CostMatrix& matrix, const std::vector<int>& neighbours, int count);

}  // namespace core::planner
