#include "shared/planner/top_search.h"

#include <algorithm>
#include <cmath>

#include "shared/planner/insertion.h"
#include "shared/planner/local_search.h"
#include "shared/planner/route_pool.h"
#include "shared/planner/ruin.h"
#include "shared/planner/set_packing.h"
#include "shared/planner/workspace.h"

namespace core::planner {
namespace {

// Annealing cycle length (iterations), start temperature (in mean stop scores) and the most
// stops one ruin removes. Tuned on sets 4, 6 and 7 of Chao et al. and on synthetic cities.
constexpr int kCycle = 400;
constexpr double kStartTemperature = 2.0;
constexpr int kMaxRuin = 20;
// Route pool: distinct tours kept (the better half survives when full), stops stored per tour
// on average, and the branch steps of one set-packing pass (a few ms at most).
constexpr int kPoolCapacity = 8192;
constexpr int kPoolStopsPerRoute = 32;
constexpr std::int64_t kPackingSteps = 200000;

struct Perturbation {
  RuinKind kind;
  int count;
  RecreateParams recreate;
};

Perturbation draw_perturbation(const Instance& inst, const TopState& state, Rng& rng) {
  int visited = 0;
  for (int r = 0; r < state.route_count(); ++r)
    visited += inst.frozen[at(r)] != 0 ? 0 : state.stop_count(r);
  const int most = std::max(1, std::min(visited / 3 + 1, kMaxRuin));
  Perturbation p{RuinKind::Random, 1 + rng.below(most), {}};
  const int kind = rng.below(10);
  if (kind < 3) {
    p.kind = RuinKind::Random;
  } else if (kind < 7) {
    p.kind = RuinKind::Related;
  } else if (kind < 9) {
    p.kind = RuinKind::Segment;
  } else {
    p.kind = RuinKind::Route;
  }
  p.recreate.rule = rng.below(2) == 0 ? InsertionRule::Ratio : InsertionRule::Squared;
  p.recreate.noise = 0.3 * rng.uniform();
  return p;
}

bool accept(const TopState& candidate, const TopState& current, double temperature, Rng& rng) {
  const double delta = candidate.score() - current.score();
  if (delta > -kEpsilon) return true;  // better, or a plateau move that keeps the search mobile
  if (temperature <= 0.0) return false;
  return rng.uniform() < std::exp(delta / temperature);
}

// The search allows rounding-level overshoot; the returned plan must fit exactly (sums taken in
// visiting order, as any checker would). Drops the cheapest stop of a tour that does not.
void repair_budgets(const Instance& inst, TopState& state) {
  for (int r = 0; r < state.route_count(); ++r) {
    while (inst.frozen[at(r)] == 0 && state.stop_count(r) > 0 &&
           state.duration(r) > inst.budget[at(r)]) {
      int worst = 1;
      for (int p = 2; p <= state.stop_count(r); ++p) {
        if (inst.score[at(state.seq(r)[at(p)])] < inst.score[at(state.seq(r)[at(worst)])])
          worst = p;
      }
      state.remove(r, worst);
      debug_check(state, "budget repair");
    }
  }
}

// Recombines the tours of every plan met so far: the best disjoint combination of them is often
// better than any single plan (two plans that each got two tours right). Local search then
// refines the combination; `best` takes it if it is better.
void pack_routes(const Instance& inst,
                 const RoutePool& pool,
                 SetPacking& packing,
                 TopState& candidate,
                 TopState& best,
                 Workspace& work,
                 Rng& rng) {
  candidate = best;
  if (!packing.improve(pool, candidate, kPackingSteps)) return;
  std::fill(work.dirty.begin(), work.dirty.end(), 1);
  local_search(inst, candidate, work, rng);
  if (better(candidate, best)) best = candidate;
}

}  // namespace

std::int64_t default_iterations(const Instance& instance) {
  const auto n = static_cast<std::int64_t>(instance.candidates.size());
  // 6 per candidate stop: with the route pool, 300-stop city plans reach the quality of 8 per stop
  // from about 5.3 per stop on (bench: 24 seeds), and take a quarter less time.
  return std::clamp<std::int64_t>(6 * n, 500, 20000);
}

TopState search_tours(const Instance& instance, const SolveOptions& options) {
  Workspace work(instance);
  Rng rng(options.seed);
  TopState current(instance);
  local_search(instance, current, work, rng);
  // Built with full capacity, then assigned: later copies never allocate.
  TopState best(instance);
  best = current;
  TopState candidate(instance);
  candidate = current;
  RoutePool pool(instance, kPoolCapacity, kPoolStopsPerRoute);
  SetPacking packing(instance, kPoolCapacity);
  pool.add(current);
  // Nothing to choose (every stop frozen, excluded or out of reach): the first plan is final.
  const std::int64_t iterations = instance.candidates.empty()   ? 0
                                  : options.max_iterations >= 0 ? options.max_iterations
                                                                : default_iterations(instance);
  const double start_temperature = kStartTemperature * instance.mean_score;
  std::int64_t done = 0;       // iterations made
  std::int64_t packed_at = 0;  // iterations made at the last set-packing pass
  for (std::int64_t it = 0; it < iterations; ++it) {
    if (options.stop != nullptr && options.stop->stop_requested()) break;
    candidate = current;
    const Perturbation p = draw_perturbation(instance, candidate, rng);
    ruin(instance, candidate, work, rng, p.kind, p.count);
    // Removed stops sit out the recreate (local search may bring them back): forces a new plan.
    for (const int node : work.removed) work.blocked[at(node)] = 1;
    recreate(instance, candidate, work, rng, p.recreate);
    local_search(instance, candidate, work, rng);
    pool.add(candidate);
    if (better(candidate, best)) best = candidate;
    const double progress = static_cast<double>(it % kCycle) / kCycle;
    if (accept(candidate, current, start_temperature * (1.0 - progress), rng)) current = candidate;
    if ((it + 1) % kCycle == 0) {
      pack_routes(instance, pool, packing, candidate, best, work, rng);
      current = best;
      packed_at = it + 1;
    }
    done = it + 1;
  }
  if (done > packed_at) pack_routes(instance, pool, packing, candidate, best, work, rng);
  repair_budgets(instance, best);
  return best;
}

}  // namespace core::planner
