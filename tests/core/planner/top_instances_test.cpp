// The planner on published Chao et al. instances (small copies in tests/data/top).
#include <gtest/gtest.h>

#include <string>

#include "shared/planner/solver.h"
#include "tests/core/planner/planner_test_util.h"

namespace core::planner {
namespace {

const char* const kInstances[] = {
    "p1.2.b", "p1.3.c", "p2.3.c", "p2.4.g", "p3.2.e", "p4.2.b", "p7.2.b"};

TEST(TopInstances, SolutionsAreFeasibleWithUnroundedDistances) {
  for (const char* name : kInstances) {
    const Problem p = testing::read_top(std::string(name) + ".txt");
    SolveOptions options;
    options.max_iterations = 150;
    const Solution s = solve(p, options);
    EXPECT_EQ(testing::check_solution(p, s), "") << name;
    EXPECT_GT(s.score, 0.0) << name;
  }
}

TEST(TopInstances, ScoresNeverExceedProvenOptima) {
  for (const char* name : kInstances) {
    const double optimum = testing::proven_optimum(name);
    if (optimum < 0.0) continue;
    const Problem p = testing::read_top(std::string(name) + ".txt");
    SolveOptions options;
    options.max_iterations = 300;
    const Solution s = solve(p, options);
    EXPECT_LE(s.score, optimum) << name;
    // These small instances are easy: anything far below the optimum is a regression.
    EXPECT_GE(s.score, 0.9 * optimum) << name;
  }
}

}  // namespace
}  // namespace core::planner
