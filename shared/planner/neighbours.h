#pragma once

#include <vector>

namespace core::planner {

/// For each node of `pool`, the `count` nearest other nodes of `pool` by d(i,j) + d(j,i), nearest
/// first, in a flat size x count array (rows of nodes outside the pool and short rows padded with
/// -1). `cost` is a size x size row-major matrix. Ties break on the lower index (deterministic).
std::vector<int>
nearest_neighbours(const double* cost, int size, const std::vector<int>& pool, int count);

}  // namespace core::planner
