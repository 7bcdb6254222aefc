#include "shared/planner/solver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <stdexcept>

#include "tests/core/planner/planner_test_util.h"

namespace core::planner {
namespace {

using testing::check_solution;
using testing::euclidean;
using testing::random_points;

SolveOptions quick(std::uint64_t seed = 1) {
  SolveOptions options;
  options.seed = seed;
  options.max_iterations = 300;
  return options;
}

// n random points in a 100 x 100 square, node 0 the common start and end of K tours.
Problem random_problem(int n, int k, double budget, std::uint64_t seed) {
  Problem p;
  p.travel = euclidean(random_points(n, 100.0, seed));
  p.score.assign(static_cast<std::size_t>(n), 0.0);
  for (int i = 1; i < n; ++i) p.score[static_cast<std::size_t>(i)] = 1.0 + (i * 7) % 10;
  p.tour_count = k;
  p.budget.assign(static_cast<std::size_t>(k), budget);
  p.ends.assign(static_cast<std::size_t>(k), TourEnds{0, 0});
  return p;
}

bool visited(const Solution& s, int node) {
  return std::any_of(s.tours.begin(), s.tours.end(), [node](const std::vector<int>& t) {
    return std::find(t.begin(), t.end(), node) != t.end();
  });
}

TEST(Solve, StaysWithinEveryBudgetAndKeepsToursDisjoint) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const Problem p = random_problem(40, 3, 150.0, seed);
    const Solution s = solve(p, quick(seed));
    EXPECT_EQ(check_solution(p, s), "") << "seed " << seed;
    EXPECT_GT(s.score, 0.0);
  }
}

TEST(Solve, SameSeedGivesSamePlan) {
  const Problem p = random_problem(50, 3, 120.0, 7);
  const Solution a = solve(p, quick(42));
  const Solution b = solve(p, quick(42));
  EXPECT_EQ(a.tours, b.tours);
  EXPECT_EQ(a.score, b.score);
  EXPECT_EQ(a.travel, b.travel);
}

TEST(Solve, MatchesBruteForceOnTinyInstances) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    Problem p = random_problem(8, 2, 90.0, seed);
    p.ends = {{0, 7}, {0, 7}};
    const Solution s = solve(p, quick(seed));
    EXPECT_EQ(check_solution(p, s), "");
    EXPECT_DOUBLE_EQ(s.score, testing::brute_force_best_score(p)) << "seed " << seed;
  }
}

TEST(Solve, FreeEndsLetTheTourStartAndEndAtStops) {
  // Five stops on a line, 10 apart: an open path covers them in 40, a closed tour needs 80.
  Problem p;
  p.travel = CostMatrix(5);
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 5; ++j) p.travel(i, j) = 10.0 * std::abs(i - j);
  }
  p.score.assign(5, 1.0);
  p.tour_count = 1;
  p.budget = {40.0};
  p.ends = {{kFreeEnd, kFreeEnd}};
  const Solution s = solve(p, quick());
  EXPECT_EQ(check_solution(p, s), "");
  EXPECT_DOUBLE_EQ(s.score, 5.0);
  EXPECT_NEAR(s.travel, 40.0, 1e-9);
}

TEST(Solve, FixedEndsAreCountedInTheBudget) {
  Problem p = random_problem(30, 2, 100.0, 3);
  p.ends = {{1, 2}, {3, 3}};
  const Solution s = solve(p, quick());
  EXPECT_EQ(check_solution(p, s), "");
  for (const auto& tour : s.tours) {
    for (const int node : tour) EXPECT_TRUE(node != 1 && node != 2 && node != 3);
  }
}

TEST(Solve, HandlesAsymmetricTravel) {
  // Going "clockwise" costs 1 per step, the other way 5: the best plans run one way only.
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    Problem p;
    const int n = 8;
    p.travel = CostMatrix(n);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j)
        p.travel(i, j) = i == j ? 0.0 : (((j - i + n) % n) <= ((i - j + n) % n) ? 1.0 : 5.0) * 1.0;
    }
    p.score = {0, 3, 1, 4, 1, 5, 9, 2};
    p.tour_count = 2;
    p.budget = {4.0 + static_cast<double>(seed), 3.0};
    p.ends = {{0, 0}, {0, 0}};
    const Solution s = solve(p, quick(seed));
    EXPECT_EQ(check_solution(p, s), "");
    EXPECT_DOUBLE_EQ(s.score, testing::brute_force_best_score(p)) << "seed " << seed;
  }
}

TEST(Solve, RequiredStopIsPlacedEvenWithoutInterest) {
  Problem p = random_problem(30, 2, 120.0, 5);
  p.score[17] = 0.0;
  p.must_include = {17};
  const Solution s = solve(p, quick());
  EXPECT_EQ(check_solution(p, s), "");
  EXPECT_TRUE(visited(s, 17));
  EXPECT_TRUE(s.unplaced.empty());
}

TEST(Solve, UnplaceableRequiredStopIsReportedWithReason) {
  Problem p;
  p.travel = CostMatrix(3);
  p.travel(0, 1) = p.travel(1, 0) = 20.0;
  p.travel(0, 2) = p.travel(2, 0) = 101.0;
  p.travel(1, 2) = p.travel(2, 1) = 90.0;
  p.score = {0.0, 5.0, 5.0};
  p.service = {0.0, 10.0, 10.0};
  p.tour_count = 1;
  p.budget = {180.0};
  p.ends = {{0, 0}};
  p.must_include = {2};
  const Solution s = solve(p, quick());
  EXPECT_EQ(check_solution(p, s), "");
  ASSERT_EQ(s.unplaced.size(), 1U);
  EXPECT_EQ(s.unplaced[0].node, 2);
  EXPECT_EQ(s.unplaced[0].reason,
            "cannot fit: a round trip from the start to this stop alone takes 212 min, budget is "
            "180 min");
  EXPECT_TRUE(visited(s, 1));
}

TEST(Solve, ExcludedStopIsNeverVisited) {
  Problem p = random_problem(25, 2, 400.0, 9);  // the budget fits everything
  p.must_exclude = {4, 11};
  const Solution s = solve(p, quick());
  EXPECT_EQ(check_solution(p, s), "");
  EXPECT_FALSE(visited(s, 4));
  EXPECT_FALSE(visited(s, 11));
}

TEST(Solve, LockKeepsStopInItsTour) {
  Problem p = random_problem(30, 3, 300.0, 11);
  p.locks = {{5, 2}, {6, 0}};
  const Solution s = solve(p, quick());
  EXPECT_EQ(check_solution(p, s), "");
  EXPECT_NE(std::find(s.tours[2].begin(), s.tours[2].end(), 5), s.tours[2].end());
  EXPECT_NE(std::find(s.tours[0].begin(), s.tours[0].end(), 6), s.tours[0].end());
}

TEST(Solve, FrozenTourIsKeptExactly) {
  Problem p = random_problem(30, 2, 150.0, 13);
  p.frozen = {{9, 3, 7}, {}};
  const Solution s = solve(p, quick());
  EXPECT_EQ(check_solution(p, s), "");
  EXPECT_EQ(s.tours[0], (std::vector<int>{9, 3, 7}));
  EXPECT_TRUE(s.warnings.empty());
}

TEST(Solve, FrozenTourOverBudgetIsKeptAndReported) {
  Problem p = random_problem(30, 2, 30.0, 13);
  p.frozen = {{9, 3, 7, 21, 14, 2}, {}};
  const Solution s = solve(p, quick());
  EXPECT_EQ(check_solution(p, s), "");
  EXPECT_EQ(s.tours[0], p.frozen[0]);
  ASSERT_EQ(s.warnings.size(), 1U);
  EXPECT_NE(s.warnings[0].find("tour 1 is frozen"), std::string::npos);
}

TEST(Solve, SpreadsStopsOverToursWhenEverythingFits) {
  // A small city: every stop fits in one tour, yet three tours are asked for.
  Problem p = random_problem(10, 3, 1000.0, 17);
  p.travel = euclidean(random_points(10, 10.0, 17));
  p.service.assign(10, 20.0);
  p.service[0] = 0.0;
  const Solution s = solve(p, quick());
  EXPECT_EQ(check_solution(p, s), "");
  EXPECT_EQ(s.score, std::accumulate(p.score.begin(), p.score.end(), 0.0));
  const auto [shortest, longest] = std::minmax_element(s.tour_cost.begin(), s.tour_cost.end());
  EXPECT_GT(*shortest, 0.0);
  EXPECT_LT(*longest, 2.0 * *shortest);
}

TEST(Solve, RejectsInconsistentInput) {
  Problem p = random_problem(10, 2, 100.0, 1);
  p.budget = {100.0};
  EXPECT_THROW(solve(p, quick()), std::invalid_argument);
  p = random_problem(10, 2, 100.0, 1);
  p.locks = {{3, 5}};
  EXPECT_THROW(solve(p, quick()), std::invalid_argument);
  p = random_problem(10, 2, 100.0, 1);
  p.score.pop_back();
  EXPECT_THROW(solve(p, quick()), std::invalid_argument);
}

TEST(Solve, DefaultEffortIsDeterministic) {
  const Problem p = random_problem(60, 4, 150.0, 21);
  const Solution a = solve(p, SolveOptions{});
  const Solution b = solve(p, SolveOptions{});
  EXPECT_EQ(check_solution(p, a), "");
  EXPECT_EQ(a.tours, b.tours);
}

}  // namespace
}  // namespace core::planner
