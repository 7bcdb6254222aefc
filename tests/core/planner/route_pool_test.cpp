// The route pool and the set packing over it, on small hand-made plans.
#include <gtest/gtest.h>

#include <algorithm>
#include <span>
#include <vector>

#include "shared/planner/instance.h"
#include "shared/planner/route_pool.h"
#include "shared/planner/set_packing.h"
#include "shared/planner/top_state.h"
#include "tests/core/planner/planner_test_util.h"

namespace core::planner {
namespace {

// Nodes 1..8 on a line at x = 1..8, node 0 the common depot of `k` tours at x = 0.
Problem line(int k, double budget) {
  testing::Points points;
  for (int i = 0; i <= 8; ++i) {
    points.x.push_back(i);
    points.y.push_back(0.0);
  }
  return testing::line_problem(points, k, budget);
}

using testing::put;

std::vector<int> as_vector(std::span<const int> stops) {
  return {stops.begin(), stops.end()};
}

TEST(RoutePool, KeepsOneEntryPerStopSetWithTheCheapestOrder) {
  const Instance inst = build_instance(line(1, 100.0));
  RoutePool pool(inst, 16, 8);
  TopState state(inst);
  put(state, 0, {3, 1, 2});
  pool.add(state);
  TopState ordered(inst);
  put(ordered, 0, {1, 2, 3});
  pool.add(ordered);
  pool.add(state);  // the dearer order again changes nothing
  ASSERT_EQ(pool.size(), 1);
  EXPECT_EQ(as_vector(pool.stops(0)), (std::vector<int>{1, 2, 3}));
  EXPECT_DOUBLE_EQ(pool.score(0), 3.0);
  EXPECT_NEAR(pool.cost(0), cost_above_empty(ordered, 0), 1e-12);
}

TEST(RoutePool, InterchangeableToursShareAClass) {
  Problem p = line(3, 100.0);
  p.budget[2] = 50.0;
  const Instance inst = build_instance(p);
  const RoutePool pool(inst, 16, 8);
  EXPECT_EQ(pool.class_of(0), pool.class_of(1));
  EXPECT_NE(pool.class_of(0), pool.class_of(2));
}

TEST(RoutePool, WhenFullKeepsTheBetterHalf) {
  const Instance inst = build_instance(line(1, 100.0));
  RoutePool pool(inst, 4, 8);
  for (int node = 1; node <= 5; ++node) {
    const int stops[] = {node};
    pool.add(0, stops, static_cast<double>(node), 0.0);
  }
  // Full at four tours: the two best (scores 3 and 4) survive, then tour 5 is added.
  ASSERT_EQ(pool.size(), 3);
  EXPECT_DOUBLE_EQ(pool.score(0), 3.0);
  EXPECT_DOUBLE_EQ(pool.score(1), 4.0);
  EXPECT_DOUBLE_EQ(pool.score(2), 5.0);
  EXPECT_EQ(as_vector(pool.stops(2)), (std::vector<int>{5}));
}

TEST(SetPacking, CombinesDisjointToursOfDifferentPlans) {
  const Instance inst = build_instance(line(2, 100.0));
  RoutePool pool(inst, 64, 8);
  // Plan A gets tour {1,2,3} right, plan B gets {6,7,8} right; each wastes its other tour.
  TopState a(inst);
  put(a, 0, {1, 2, 3});
  put(a, 1, {3 + 1});
  TopState b(inst);
  put(b, 0, {6, 7, 8});
  put(b, 1, {2, 5});
  pool.add(a);
  pool.add(b);
  SetPacking packing(inst, 64);
  TopState state = a;
  ASSERT_TRUE(packing.improve(pool, state, 100000));
  EXPECT_TRUE(state.consistent());
  EXPECT_DOUBLE_EQ(state.score(), 6.0);
  std::vector<std::vector<int>> tours{as_vector({state.seq(0).data() + 1, 3}),
                                      as_vector({state.seq(1).data() + 1, 3})};
  std::sort(tours.begin(), tours.end());
  EXPECT_EQ(tours[0], (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(tours[1], (std::vector<int>{6, 7, 8}));
  // Already the best combination: nothing to write.
  EXPECT_FALSE(packing.improve(pool, state, 100000));
}

TEST(SetPacking, RespectsTourClasses) {
  Problem p = line(2, 100.0);
  p.budget[1] = 10.0;  // tour 1 can only reach node 5 and nearer, and back
  const Instance inst = build_instance(p);
  RoutePool pool(inst, 64, 8);
  TopState a(inst);
  put(a, 0, {6, 7, 8});
  TopState b(inst);
  put(b, 0, {1, 2, 3, 4});
  pool.add(a);
  pool.add(b);
  SetPacking packing(inst, 64);
  TopState state(inst);
  ASSERT_TRUE(packing.improve(pool, state, 100000));
  // Both pool tours belong to tour 0's class: only one of them may be used.
  EXPECT_DOUBLE_EQ(state.score(), 4.0);
  EXPECT_EQ(state.stop_count(1), 0);
  EXPECT_TRUE(state.consistent());
}

}  // namespace
}  // namespace core::planner
