#include "shared/planner/solver.h"

#include <gtest/gtest.h>

namespace core::planner {
namespace {

TEST(Solve, ReturnsOneTourPerVehicle) {
  Problem p;
  p.travel = CostMatrix(3, 1.0);
  p.score = {0.0, 5.0, 0.0};
  p.tour_count = 2;
  p.budget = {10.0, 10.0};
  p.ends = {{0, 2}, {0, 2}};
  const Solution s = solve(p, SolveOptions{});
  EXPECT_EQ(s.tours.size(), 2U);
  EXPECT_DOUBLE_EQ(s.score, 5.0);
}

}  // namespace
}  // namespace core::planner
