// TopState's invariant check (top_state.h): each way a move could corrupt the caches is caught
// and named. Debug builds run the same check after every accepted move of the search.
#include "shared/planner/top_state.h"

#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>

#include "shared/planner/instance.h"
#include "tests/core/planner/planner_test_util.h"

namespace core::planner {
namespace {

using testing::put;

// Depot 0 and stops 1..6 on a line, 10 apart; two tours of `budget` from and back to the depot.
Problem line(double budget) {
  testing::Points points;
  for (int i = 0; i <= 6; ++i) {
    points.x.push_back(10.0 * i);
    points.y.push_back(0.0);
  }
  return testing::line_problem(points, 2, budget);
}

Instance line_instance(double budget) {
  return build_instance(line(budget));
}

struct Corruption {
  const char* label;
  std::function<void(TopState&)> apply;
  std::string named;  ///< part of the message

  friend void PrintTo(const Corruption& c, std::ostream* os) { *os << c.label; }
};

class BrokenState : public ::testing::TestWithParam<Corruption> {};

TEST_P(BrokenState, IsCaughtAndNamed) {
  const Instance inst = line_instance(1000.0);
  TopState state(inst);
  put(state, 0, {1, 2});
  put(state, 1, {4, 5});
  ASSERT_EQ(state.first_divergence(), "");
  GetParam().apply(state);
  EXPECT_FALSE(state.consistent());
  try {
    state.check_invariants("the test's move");
    FAIL() << "not caught";
  } catch (const std::logic_error& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind("the test's move: ", 0), 0U) << message;
    EXPECT_NE(message.find(GetParam().named), std::string::npos) << message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Moves,
    BrokenState,
    ::testing::Values(
        // A swap between tours that refreshes neither: travel and positions are stale.
        Corruption{"SwapWithoutRefresh",
                   [](TopState& s) { std::swap(s.edit(0)[1], s.edit(1)[2]); },
                   "travel of tour 0"},
        // Refreshing only one tour of a swap leaves the other's node cached in the wrong tour.
        Corruption{"SwapRefreshingOneTour",
                   [](TopState& s) {
                     std::swap(s.edit(0)[1], s.edit(1)[1]);
                     s.refresh(0);
                   },
                   "node 1 is cached at position 1 of tour 0 but sits at position 1 of tour 1"},
        // Reordering without refresh: same travel on a line out and back, stale positions.
        Corruption{"ReorderWithoutRefresh",
                   [](TopState& s) { std::swap(s.edit(1)[1], s.edit(1)[2]); },
                   "node 4"},
        Corruption{"StopInTwoTours",
                   [](TopState& s) {
                     s.edit(1).insert(s.edit(1).begin() + 1, 2);
                     s.refresh(1);
                   },
                   "node 2 is a stop of tour 0 and of tour 1"},
        Corruption{"DepotAsAStop",
                   [](TopState& s) {
                     s.edit(0).insert(s.edit(0).begin() + 1, 0);
                     s.refresh(0);
                   },
                   "node 0 may not be a stop of tour 0"},
        Corruption{"LostEndDepot",
                   [](TopState& s) { s.edit(1).back() = 6; },
                   "tour 1 does not run from its start depot to its end depot"}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(TopStateInvariants, TourOverItsBudgetIsNotConsistentButHoldsTogether) {
  Problem p = line(50.0);
  p.service.assign(7, 10.0);
  p.service[0] = 0.0;
  const Instance inst = build_instance(p);
  TopState state(inst);
  put(state, 0, {1});
  EXPECT_TRUE(state.consistent());
  // Stops 1 and 2 each fit (30 and 50 minutes), not together: insert() leaves that to callers.
  state.insert(0, 2, 2);
  EXPECT_EQ(state.first_divergence(), "");
  EXPECT_FALSE(state.consistent());
  EXPECT_NE(state.first_over_budget().find("tour 0 takes 60"), std::string::npos)
      << state.first_over_budget();
}

TEST(TopStateInvariants, FrozenToursKeepTheirStopsOutOfTheScore) {
  Problem p = line(1000.0);
  p.frozen = {{3, 1}, {}};
  const Instance inst = build_instance(p);
  TopState state(inst);
  EXPECT_EQ(state.first_divergence(), "");
  EXPECT_EQ(state.score(), 0.0);
  put(state, 1, {2, 5});
  EXPECT_EQ(state.first_divergence(), "");
  EXPECT_EQ(state.score(), 2.0);
  std::swap(state.edit(0)[1], state.edit(0)[2]);
  state.refresh(0);
  EXPECT_NE(state.first_divergence().find("tour 0 is frozen"), std::string::npos);
}

TEST(TopStateInvariants, DebugCheckThrowsOnlyInDebugBuilds) {
  const Instance inst = line_instance(1000.0);
  TopState state(inst);
  put(state, 0, {1, 2});
  std::swap(state.edit(0)[1], state.edit(1)[0]);  // a depot swapped into the stops
#ifdef NDEBUG
  EXPECT_NO_THROW(debug_check(state, "release"));
#else
  EXPECT_THROW(debug_check(state, "debug"), std::logic_error);
#endif
}

}  // namespace
}  // namespace core::planner
