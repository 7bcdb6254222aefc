#pragma once

#include <cassert>
#include <cstddef>
#include <vector>

namespace core::planner {

/// Dense square matrix of travel costs, row-major. Units are the caller's (minutes in the product).
class CostMatrix {
 public:
  CostMatrix() = default;
  /// A size x size matrix filled with `fill`.
  explicit CostMatrix(int size, double fill = 0.0)
      : m_size(size),
        m_values(static_cast<std::size_t>(size) * static_cast<std::size_t>(size), fill) {}

  /// Number of rows (= columns).
  int size() const { return m_size; }
  /// Cost of going from `from` to `to`. Precondition: both in [0, size()).
  double operator()(int from, int to) const { return m_values[index(from, to)]; }
  /// Mutable access to the cost of going from `from` to `to`.
  double& operator()(int from, int to) { return m_values[index(from, to)]; }
  /// Pointer to the first element of row `from` (size() contiguous values).
  const double* row(int from) const { return m_values.data() + index(from, 0); }

 private:
  std::size_t index(int from, int to) const {
    assert(from >= 0 && from < m_size && to >= 0 && to < m_size);
    return static_cast<std::size_t>(from) * static_cast<std::size_t>(m_size) +
           static_cast<std::size_t>(to);
  }

  int m_size = 0;
  std::vector<double> m_values;
};

}  // namespace core::planner
