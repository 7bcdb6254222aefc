// The TOP search's moves, each on a small hand-made plan.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "shared/planner/insertion.h"
#include "shared/planner/instance.h"
#include "shared/planner/local_search.h"
#include "shared/planner/relocate_move.h"
#include "shared/planner/replace_move.h"
#include "shared/planner/route_opt.h"
#include "shared/planner/ruin.h"
#include "shared/planner/swap_move.h"
#include "shared/planner/top_state.h"
#include "tests/core/planner/planner_test_util.h"

namespace core::planner {
namespace {

using testing::line_problem;
using testing::put;

double brute_force_route(const Instance& inst, std::vector<int> stops, int r) {
  std::sort(stops.begin(), stops.end());
  double best = 1e300;
  do {
    double total = 0.0;
    int prev = inst.start[static_cast<std::size_t>(r)];
    for (const int v : stops) {
      total += inst.d(prev, v);
      prev = v;
    }
    best = std::min(best, total + inst.d(prev, inst.end[static_cast<std::size_t>(r)]));
  } while (std::next_permutation(stops.begin(), stops.end()));
  return best;
}

TEST(OptimiseRoute, EndsWithNoImprovingTwoOptOrRelocation) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const Problem p = line_problem(testing::random_points(9, 50.0, seed), 1, 1000.0);
    const Instance inst = build_instance(p);
    TopState state(inst);
    Workspace work(inst);
    put(state, 0, {3, 1, 6, 2, 7, 4, 8, 5});
    const double before = state.travel(0);
    optimise_route(inst, state, 0, work);
    EXPECT_TRUE(state.consistent());
    EXPECT_LE(state.travel(0), before);
    EXPECT_GE(state.travel(0), brute_force_route(inst, {1, 2, 3, 4, 5, 6, 7, 8}, 0) - 1e-9);
    const std::vector<int> seq = state.seq(0);
    const auto length = [&](const std::vector<int>& s) {
      double total = 0.0;
      for (std::size_t k = 0; k + 1 < s.size(); ++k) total += inst.d(s[k], s[k + 1]);
      return total;
    };
    for (std::size_t i = 1; i + 1 < seq.size(); ++i) {
      for (std::size_t j = i + 1; j + 1 < seq.size(); ++j) {
        std::vector<int> two_opt = seq;
        std::reverse(two_opt.begin() + static_cast<std::ptrdiff_t>(i),
                     two_opt.begin() + static_cast<std::ptrdiff_t>(j) + 1);
        EXPECT_GE(length(two_opt), state.travel(0) - 1e-9);
      }
      for (std::size_t k = 1; k + 1 < seq.size(); ++k) {
        std::vector<int> moved = seq;
        const int node = moved[i];
        moved.erase(moved.begin() + static_cast<std::ptrdiff_t>(i));
        moved.insert(moved.begin() + static_cast<std::ptrdiff_t>(k), node);
        EXPECT_GE(length(moved), state.travel(0) - 1e-9);
      }
    }
  }
}

TEST(OptimiseRoute, UsesTheCheapDirectionOfAsymmetricTravel) {
  Problem p = line_problem(testing::random_points(5, 10.0, 3), 1, 1000.0);
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 5; ++j) p.travel(i, j) = i == j ? 0.0 : ((j == (i + 1) % 5) ? 1.0 : 10.0);
  }
  const Instance inst = build_instance(p);
  TopState state(inst);
  Workspace work(inst);
  put(state, 0, {4, 3, 2, 1});
  optimise_route(inst, state, 0, work);
  EXPECT_EQ(state.seq(0), (std::vector<int>{0, 1, 2, 3, 4, 0}));
  EXPECT_DOUBLE_EQ(state.travel(0), 5.0);
}

TEST(BestInsertion, FindsTheCheapestGap) {
  const Problem p = line_problem({{0, 10, 20, 30, 15}, {0, 0, 0, 0, 1}}, 1, 1000.0);
  const Instance inst = build_instance(p);
  TopState state(inst);
  put(state, 0, {1, 2, 3});
  int pos = -1;
  const double delta = best_insertion(inst, state, 0, 4, pos);
  const std::vector<int>& seq = state.seq(0);
  for (std::size_t q = 1; q < seq.size(); ++q) {
    EXPECT_LE(delta,
              inst.d(seq[q - 1], 4) + inst.d(4, seq[q]) - inst.d(seq[q - 1], seq[q]) + 1e-12);
  }
  EXPECT_NEAR(
      delta,
      inst.d(seq[static_cast<std::size_t>(pos) - 1], 4) +
          inst.d(4, seq[static_cast<std::size_t>(pos)]) -
          inst.d(seq[static_cast<std::size_t>(pos) - 1], seq[static_cast<std::size_t>(pos)]),
      1e-12);
}

TEST(Recreate, InsertsOnlyWhatFitsAndSkipsBlockedNodes) {
  const Problem p = line_problem(testing::random_points(30, 100.0, 5), 2, 120.0);
  const Instance inst = build_instance(p);
  TopState state(inst);
  Workspace work(inst);
  Rng rng(1);
  work.blocked[7] = 1;
  const int inserted = recreate(inst, state, work, rng, RecreateParams{});
  EXPECT_GT(inserted, 0);
  EXPECT_TRUE(state.consistent());
  EXPECT_EQ(state.route_of(7), -1);
}

TEST(ReplaceStops, SwapsInAHigherScoreNeighbour) {
  // Depot at 0; stop 1 (score 1) and unvisited stop 2 (score 9) at the same distance.
  Problem p = line_problem({{0, 10, 0}, {0, 0, 10}}, 1, 20.0);
  p.score = {0.0, 1.0, 9.0};
  const Instance inst = build_instance(p);
  TopState state(inst);
  Workspace work(inst);
  put(state, 0, {1});
  EXPECT_TRUE(replace_stops(inst, state, work));
  EXPECT_EQ(state.route_of(2), 0);
  EXPECT_EQ(state.route_of(1), -1);
  EXPECT_TRUE(state.consistent());
}

TEST(RelocateStops, MovesAStopToTheTourWhereItIsCheaper) {
  // Tour 0 goes west, tour 1 east; stop 3 lies east but sits in tour 0.
  Problem p = line_problem({{0, -10, 10, 11}, {0, 0, 0, 1}}, 2, 100.0);
  p.balance_weight = 0.0;
  const Instance inst = build_instance(p);
  TopState state(inst);
  Workspace work(inst);
  put(state, 0, {1, 3});
  put(state, 1, {2});
  const double before = state.secondary();
  EXPECT_TRUE(relocate_stops(inst, state, work));
  EXPECT_EQ(state.route_of(3), 1);
  EXPECT_LT(state.secondary(), before);
  EXPECT_TRUE(state.consistent());
}

TEST(SwapStops, ExchangesStopsBetweenToursWhenShorter) {
  Problem p = line_problem({{0, -10, -11, 10, 11}, {0, 0, 1, 0, 1}}, 2, 100.0);
  p.balance_weight = 0.0;
  const Instance inst = build_instance(p);
  TopState state(inst);
  Workspace work(inst);
  put(state, 0, {1, 4});
  put(state, 1, {3, 2});
  EXPECT_TRUE(swap_stops(inst, state, work));
  EXPECT_EQ(state.route_of(1), state.route_of(2));
  EXPECT_EQ(state.route_of(3), state.route_of(4));
  EXPECT_TRUE(state.consistent());
}

TEST(Ruin, RemovesTheRequestedNumberOfStops) {
  const Problem p = line_problem(testing::random_points(40, 100.0, 8), 3, 200.0);
  const Instance inst = build_instance(p);
  Workspace work(inst);
  Rng rng(3);
  for (const RuinKind kind :
       {RuinKind::Random, RuinKind::Related, RuinKind::Segment, RuinKind::Route}) {
    TopState state(inst);
    local_search(inst, state, work, rng);
    int before = 0;
    for (int r = 0; r < 3; ++r) before += state.stop_count(r);
    ruin(inst, state, work, rng, kind, 3);
    int after = 0;
    for (int r = 0; r < 3; ++r) after += state.stop_count(r);
    EXPECT_EQ(before - after, static_cast<int>(work.removed.size()));
    if (kind != RuinKind::Route) {
      EXPECT_LE(work.removed.size(), 3U);
    }
    EXPECT_GE(work.removed.size(), 1U);
    for (const int node : work.removed) EXPECT_EQ(state.route_of(node), -1);
    EXPECT_TRUE(state.consistent());
  }
}

TEST(LocalSearch, EndsAtAFeasibleLocalOptimum) {
  const Problem p = line_problem(testing::random_points(40, 100.0, 9), 3, 150.0);
  const Instance inst = build_instance(p);
  TopState state(inst);
  Workspace work(inst);
  Rng rng(5);
  local_search(inst, state, work, rng);
  EXPECT_TRUE(state.consistent());
  const TopState before = state;
  EXPECT_FALSE(replace_stops(inst, state, work));
  EXPECT_FALSE(relocate_stops(inst, state, work));
  EXPECT_FALSE(swap_stops(inst, state, work));
  EXPECT_EQ(recreate(inst, state, work, rng, RecreateParams{}), 0);
  EXPECT_DOUBLE_EQ(state.score(), before.score());
}

}  // namespace
}  // namespace core::planner
