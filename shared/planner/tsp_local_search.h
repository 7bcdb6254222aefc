#pragma once

#include <vector>

#include "shared/planner/tsp_tour.h"

namespace core::planner {

/// 2-opt and Or-opt (segments of 1-3 nodes, either direction) driven by neighbour lists and a
/// queue of nodes whose surroundings changed (don't-look bits). Buffers are sized once.
class TspLocalSearch {
 public:
  /// Search over `matrix` with `neighbours` (n x `count`, nearest first). Keeps pointers to both.
  TspLocalSearch(const CostMatrix& matrix,
                 const std::vector<int>& neighbours,
                 int count,
                 bool symmetric);

  /// Marks `node` for (re)examination.
  void push(int node);
  /// Marks every node.
  void push_all(int n);
  /// Improves `tour` until no queued node yields a gain; returns the change of length (<= 0).
  double run(TspTour& tour);
  /// Moves the forward segment s1..s2 between x and y = next(x) (x, y outside it), reversed if
  /// asked, and queues the nodes around the changed edges.
  void apply_or_move(TspTour& tour, int s1, int s2, int x, int y, bool reversed);

 private:
  double d(int a, int b) const { return (*m_matrix)(a, b); }
  int pop();
  bool try_two_opt(TspTour& tour, int a, double& gain);
  bool try_or_opt(TspTour& tour, int a, double& gain);
  bool try_segment(TspTour& tour, int s1, int s2, double& gain);
  void push_around(const TspTour& tour, int node);

  const CostMatrix* m_matrix;
  const std::vector<int>* m_neighbours;
  int m_count;
  bool m_symmetric;
  std::vector<int> m_queue;
  std::vector<char> m_queued;
  std::size_t m_head = 0;
  std::size_t m_size = 0;
};

}  // namespace core::planner
