#pragma once

#include <string>
#include <vector>

#include "shared/planner/cost_matrix.h"

namespace core::planner {

/// A cyclic tour stored as an array plus each node's position, with path reversal (the only
/// primitive every TSP move is made of) and a journal to undo rejected kicks.
class TspTour {
 public:
  /// A tour over `matrix` following `order` (a permutation). Keeps a pointer to `matrix`.
  TspTour(const CostMatrix& matrix, const std::vector<int>& order, bool symmetric);

  /// Number of nodes.
  int size() const { return m_n; }
  /// Node after `node`.
  int next(int node) const { return m_order[at(wrap(m_pos[at(node)] + 1))]; }
  /// Node before `node`.
  int prev(int node) const { return m_order[at(wrap(m_pos[at(node)] - 1))]; }
  /// Position of `node` in the array.
  int pos(int node) const { return m_pos[at(node)]; }
  /// Node at array position `p` (taken modulo n).
  int at_pos(int p) const { return m_order[at(wrap(p))]; }
  /// Number of nodes on the forward path from `from` to `to`, both included.
  int path_size(int from, int to) const { return wrap(m_pos[at(to)] - m_pos[at(from)]) + 1; }
  /// Travel along the forward path from `from` to `to` (asymmetric only; rebuilt lazily).
  double forward_cost(int from, int to);
  /// Travel along the same path walked backwards (asymmetric only).
  double backward_cost(int from, int to);
  /// 2-opt: edges t1-t2 and t3-t4 (same orientation) become t1-t3 and t2-t4.
  void two_opt_move(int t1, int t2, int t3, int t4);
  /// Closed tour length, summed afresh.
  double length() const;
  /// The node order starting at array position 0.
  const std::vector<int>& order() const { return m_order; }
  /// Starts recording reversals (forgetting earlier ones).
  void begin_journal() {
    m_journal.clear();
    m_journal_ok = true;
  }
  /// Undoes every reversal since begin_journal(); false if the journal overflowed (no undo).
  bool undo_journal();
  /// Empty when the array is a permutation of the nodes, every node's position points back at
  /// it and valid prefix sums match the order; otherwise what diverged.
  std::string first_divergence() const;

 private:
  static std::size_t at(int i) { return static_cast<std::size_t>(i); }
  int wrap(int p) const { return p >= m_n ? p - m_n : (p < 0 ? p + m_n : p); }
  void reverse_positions(int first, int count);
  void rebuild_prefix();

  const CostMatrix* m_matrix;
  bool m_symmetric;
  int m_n;
  std::vector<int> m_order;
  std::vector<int> m_pos;
  std::vector<double> m_fwd;
  std::vector<double> m_bwd;
  bool m_prefix_valid = false;
  std::vector<std::pair<int, int>> m_journal;
  bool m_journal_ok = true;
};

/// In debug builds, follows a tour's length through the moves made on it: after each, checks
/// the tour (first_divergence()) and that the length recomputed afresh equals the length before
/// plus the change the move claimed, else throws std::logic_error naming the move. Compiled out
/// with NDEBUG, so the search's hot loops pay nothing in release builds.
class TspLengthWatch {
 public:
#ifndef NDEBUG
  /// Starts from the tour's current length.
  explicit TspLengthWatch(const TspTour& tour) : m_expected(tour.length()) {}
  /// Checks `tour` after `move`, which claimed to change its length by `change`.
  void moved(const TspTour& tour, double change, const char* move);

 private:
  double m_expected;
#else
  explicit TspLengthWatch(const TspTour&) {}
  void moved(const TspTour&, double, const char*) {}
#endif
};

}  // namespace core::planner
