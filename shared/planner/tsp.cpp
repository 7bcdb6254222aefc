#include "shared/planner/tsp.h"

#include <algorithm>
#include <numeric>

#include "shared/planner/neighbours.h"
#include "shared/planner/rng.h"
#include "shared/planner/tsp_construct.h"
#include "shared/planner/tsp_local_search.h"
#include "shared/planner/tsp_tour.h"

namespace core::planner {
namespace {

// Ten candidates per node is the usual sweet spot for 2-opt/Or-opt on geometric instances.
constexpr int kTspNeighbours = 10;
// Longest segment a kick moves: local kicks keep the repair by local search cheap.
constexpr int kKickSegment = 30;
// One kick in this many is a double bridge over the whole tour: it can reorder far-apart parts
// (clusters), which local kicks never do.
constexpr int kGlobalKickOdds = 4;

bool is_symmetric(const CostMatrix& m) {
  for (int i = 0; i < m.size(); ++i) {
    for (int j = 0; j < i; ++j) {
      if (m(i, j) != m(j, i)) return false;
    }
  }
  return true;
}

std::int64_t default_kicks(int n) {
  return std::clamp<std::int64_t>(50 * static_cast<std::int64_t>(n), 500, 100000);
}

// Segment swap (a local double bridge): x B C y becomes x C B y. Returns the length change.
double kick(TspTour& tour, TspLocalSearch& search, const CostMatrix& m, Rng& rng) {
  const int n = tour.size();
  const bool global = rng.below(kGlobalKickOdds) == 0;
  const int longest = std::max(1, global ? (n - 2) / 2 : std::min(kKickSegment, (n - 2) / 2));
  const int p0 = rng.below(n);
  const int l1 = 1 + rng.below(longest);
  const int l2 = 1 + rng.below(longest);
  const int x = tour.at_pos(p0);
  const int b1 = tour.at_pos(p0 + 1);
  const int b2 = tour.at_pos(p0 + l1);
  const int c1 = tour.at_pos(p0 + l1 + 1);
  const int c2 = tour.at_pos(p0 + l1 + l2);
  const int y = tour.at_pos(p0 + l1 + l2 + 1);
  const double delta = m(x, c1) + m(c2, b1) + m(b2, y) - m(x, b1) - m(b2, c1) - m(c2, y);
  search.apply_or_move(tour, c1, c2, x, b1, false);
  return delta;
}

// Exhaustive search for tiny tours (n <= kExactLimit): local search alone is not exact there,
// and the product often asks for a handful of stops.
constexpr int kExactLimit = 8;

std::vector<int> exact_tour(const CostMatrix& m) {
  std::vector<int> order(static_cast<std::size_t>(m.size()));
  std::iota(order.begin(), order.end(), 0);
  std::vector<int> best = order;
  double best_length = -1.0;
  do {
    double length = 0.0;
    for (std::size_t p = 0; p < order.size(); ++p)
      length += m(order[p], order[(p + 1) % order.size()]);
    if (best_length < 0.0 || length < best_length - 1e-12) {
      best_length = length;
      best = order;
    }
  } while (std::next_permutation(order.begin() + 1, order.end()));  // node 0 stays first
  return best;
}

}  // namespace

TspResult solve_tsp(const CostMatrix& travel, const SolveOptions& options) {
  const int n = travel.size();
  TspResult result;
  result.order.resize(static_cast<std::size_t>(n));
  std::iota(result.order.begin(), result.order.end(), 0);
  if (n > 3 && n <= kExactLimit) {
    result.order = exact_tour(travel);
  } else if (n > kExactLimit) {
    const bool symmetric = is_symmetric(travel);
    const int count = std::min(kTspNeighbours, n - 1);
    std::vector<int> pool(result.order);
    const std::vector<int> neighbours = nearest_neighbours(travel.row(0), n, pool, count);
    TspTour tour(travel, greedy_tour(travel, neighbours, count), symmetric);
    TspLocalSearch search(travel, neighbours, count, symmetric);
    search.push_all(n);
    search.run(tour);
    Rng rng(options.seed);
    const std::int64_t kicks =
        options.max_iterations >= 0 ? options.max_iterations : default_kicks(n);
    for (std::int64_t k = 0; k < kicks; ++k) {
      if (options.stop != nullptr && options.stop->stop_requested()) break;
      TspLengthWatch watch(tour);
      tour.begin_journal();
      const double kicked = kick(tour, search, travel, rng);
      watch.moved(tour, kicked, "kick");
      const double repaired = search.run(tour);
      watch.moved(tour, repaired, "repair of a kick");
      const double delta = kicked + repaired;
      // Accept sideways moves too: they let the tour drift across plateaus.
      if (delta > 1e-9) {
        const bool undone = tour.undo_journal();
        watch.moved(tour, undone ? -delta : 0.0, "undo of a kick");
      }
    }
    result.order = tour.order();
  }
  for (int p = 0; p < n; ++p)
    result.length += travel(result.order[static_cast<std::size_t>(p)],
                            result.order[static_cast<std::size_t>((p + 1) % n)]);
  return result;
}

}  // namespace core::planner
