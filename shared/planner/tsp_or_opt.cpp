// Or-opt part of TspLocalSearch: move a segment of 1-3 nodes next to one of its neighbours.
#include "shared/planner/tsp_local_search.h"

namespace core::planner {
namespace {

constexpr double kGainEpsilon = 1e-9;

}  // namespace

bool TspLocalSearch::try_segment(TspTour& tour, int s1, int s2, double& gain) {
  const int p = tour.prev(s1);
  const int nx = tour.next(s2);
  if (p == nx || p == s2) return false;
  const double removal = d(p, s1) + d(s2, nx) - d(p, nx);
  if (removal <= kGainEpsilon) return false;
  const int len = tour.path_size(s1, s2);
  const double twist = m_symmetric ? 0.0 : tour.backward_cost(s1, s2) - tour.forward_cost(s1, s2);
  for (int side = 0; side < 2; ++side) {
    const int end = side == 0 ? s1 : s2;
    const int* near = m_neighbours->data() + static_cast<std::ptrdiff_t>(end) * m_count;
    for (int k = 0; k < m_count; ++k) {
      const int c = near[k];
      if (c < 0 || d(end, c) >= removal) break;
      if (tour.path_size(s1, c) <= len) continue;  // c lies in the segment
      for (int place = 0; place < 2; ++place) {
        // place 0: between c and next(c); place 1: between prev(c) and c.
        const int x = place == 0 ? c : tour.prev(c);
        const int y = place == 0 ? tour.next(c) : c;
        if (tour.path_size(s1, x) <= len || tour.path_size(s1, y) <= len) continue;
        // The segment end nearest c touches it: that fixes the direction of insertion.
        const bool reversed = (end == s1) == (place == 1);
        const double added =
            reversed ? d(x, s2) + d(s1, y) - d(x, y) + twist : d(x, s1) + d(s2, y) - d(x, y);
        const double delta = added - removal;
        if (delta < -kGainEpsilon) {
          apply_or_move(tour, s1, s2, x, y, reversed);
          gain = -delta;
          return true;
        }
      }
    }
  }
  return false;
}

void TspLocalSearch::apply_or_move(TspTour& tour, int s1, int s2, int x, int y, bool reversed) {
  const int p = tour.prev(s1);
  const int nx = tour.next(s2);
  // Three 2-opt moves; go round the shorter side (Q = nx..x or R = y..p) to keep them cheap.
  if (tour.path_size(nx, x) <= tour.path_size(y, p)) {
    tour.two_opt_move(p, s1, x, y);
    tour.two_opt_move(p, x, nx, s2);
  } else {
    tour.two_opt_move(x, y, s2, nx);
    tour.two_opt_move(s1, p, y, nx);
  }
  if (!reversed) tour.two_opt_move(x, s2, s1, y);
  push_around(tour, p);
  push_around(tour, nx);
  push_around(tour, s1);
  push_around(tour, s2);
  push_around(tour, x);
  push_around(tour, y);
}

}  // namespace core::planner
