#include "shared/planner/tsp_local_search.h"

namespace core::planner {
namespace {

constexpr double kGainEpsilon = 1e-9;

}  // namespace

TspLocalSearch::TspLocalSearch(const CostMatrix& matrix,
                               const std::vector<int>& neighbours,
                               int count,
                               bool symmetric)
    : m_matrix(&matrix), m_neighbours(&neighbours), m_count(count), m_symmetric(symmetric),
      m_queue(static_cast<std::size_t>(matrix.size()), 0),
      m_queued(static_cast<std::size_t>(matrix.size()), 0) {}

void TspLocalSearch::push(int node) {
  if (m_queued[static_cast<std::size_t>(node)] != 0) return;
  m_queued[static_cast<std::size_t>(node)] = 1;
  m_queue[(m_head + m_size) % m_queue.size()] = node;
  ++m_size;
}

void TspLocalSearch::push_all(int n) {
  for (int i = 0; i < n; ++i) push(i);
}

int TspLocalSearch::pop() {
  const int node = m_queue[m_head];
  m_head = (m_head + 1) % m_queue.size();
  --m_size;
  m_queued[static_cast<std::size_t>(node)] = 0;
  return node;
}

void TspLocalSearch::push_around(const TspTour& tour, int node) {
  push(node);
  push(tour.next(node));
  push(tour.prev(node));
}

double TspLocalSearch::run(TspTour& tour) {
  double total = 0.0;
  TspLengthWatch watch(tour);
  while (m_size > 0) {
    const int a = pop();
    double gain = 0.0;
    if (try_two_opt(tour, a, gain) || try_or_opt(tour, a, gain)) {
      total -= gain;
      push(a);
      watch.moved(tour, -gain, "local search move");
    }
  }
  return total;
}

bool TspLocalSearch::try_two_opt(TspTour& tour, int a, double& gain) {
  const int* near = m_neighbours->data() + static_cast<std::ptrdiff_t>(a) * m_count;
  for (int dir = 0; dir < 2; ++dir) {
    const bool succ = dir == 0;
    const int b = succ ? tour.next(a) : tour.prev(a);
    const double ab = succ ? d(a, b) : d(b, a);
    for (int k = 0; k < m_count; ++k) {
      const int c = near[k];
      if (c < 0) break;
      // Both variants add the edges a->c and b->e (e = the node after/before c).
      const double ac = d(a, c);
      if (ac >= ab) break;  // gain criterion: the new edge at a must be shorter than the old one
      const int e = succ ? tour.next(c) : tour.prev(c);
      if (c == b || e == a) continue;
      double delta = ac + d(b, e) - ab - (succ ? d(c, e) : d(e, c));
      if (!m_symmetric) {
        delta += succ ? tour.backward_cost(b, c) - tour.forward_cost(b, c)
                      : tour.backward_cost(a, e) - tour.forward_cost(a, e);
      }
      if (delta < -kGainEpsilon) {
        tour.two_opt_move(a, b, c, e);
        push_around(tour, b);
        push_around(tour, c);
        push_around(tour, e);
        gain = -delta;
        return true;
      }
    }
  }
  return false;
}

bool TspLocalSearch::try_or_opt(TspTour& tour, int a, double& gain) {
  // Segments of 1-3 nodes that start or end at `a`, in the array's forward direction.
  for (int len = 1; len <= 3 && len + 2 < tour.size(); ++len) {
    int first = a;
    for (int k = 1; k < len; ++k) first = tour.prev(first);
    int last = a;
    for (int k = 1; k < len; ++k) last = tour.next(last);
    if (try_segment(tour, a, last, gain)) return true;
    if (len > 1 && try_segment(tour, first, a, gain)) return true;
  }
  return false;
}

}  // namespace core::planner
