#include "shared/planner/neighbours.h"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace core::planner {

std::vector<int>
nearest_neighbours(const double* cost, int size, const std::vector<int>& pool, int count) {
  std::vector<int> result(static_cast<std::size_t>(size) * static_cast<std::size_t>(count), -1);
  if (count <= 0) return result;
  std::vector<std::pair<double, int>> order;
  order.reserve(pool.size());
  for (const int i : pool) {
    order.clear();
    for (const int j : pool) {
      if (j == i) continue;
      const std::ptrdiff_t ij = static_cast<std::ptrdiff_t>(i) * size + j;
      const std::ptrdiff_t ji = static_cast<std::ptrdiff_t>(j) * size + i;
      order.emplace_back(cost[ij] + cost[ji], j);
    }
    const std::size_t keep = std::min(order.size(), static_cast<std::size_t>(count));
    std::partial_sort(
        order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end());
    int* row = result.data() + static_cast<std::ptrdiff_t>(i) * count;
    for (std::size_t r = 0; r < keep; ++r) row[r] = order[r].second;
  }
  return result;
}

}  // namespace core::planner
