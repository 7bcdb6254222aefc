#include "console/state/run_compare.h"

#include <gtest/gtest.h>

#include "tests/console/fixtures.h"

namespace {

using console::state::StageDelta;

TEST(RevisionOf, IsTheRevisionTheRunProduced) {
  const auto run = console::testing::sample_run();
  const auto revision = console::state::revision_of(run);
  EXPECT_EQ(revision.city_id, run.city.id);
  EXPECT_EQ(revision.job_id, run.job_id);
  EXPECT_EQ(revision.origin, core::model::RevisionOrigin::Generation);
  EXPECT_EQ(revision.attractions, run.decisions);
  EXPECT_EQ(revision.tours, run.tours);  // the final tours, not the planner's first ones
}

TEST(CompareRuns, TheSameRunChangesNothingAndTakesNoExtraTime) {
  const auto run = console::testing::sample_run();
  const auto diff = console::state::compare_runs(run, run);
  EXPECT_FALSE(diff.changes.any());
  EXPECT_EQ(diff.candidates_a, 6);
  EXPECT_EQ(diff.candidates_b, 6);
  EXPECT_EQ(diff.kept_a, 5);
  EXPECT_EQ(diff.kept_b, 5);
  ASSERT_EQ(diff.stages.size(), 3u);
  for (const StageDelta& stage : diff.stages) {
    EXPECT_TRUE(stage.in_a && stage.in_b) << stage.name;
    EXPECT_EQ(stage.seconds_a, stage.seconds_b) << stage.name;
  }
}

TEST(CompareRuns, SaysWhatTheSecondRunKeptDroppedAndMoved) {
  const auto a = console::testing::sample_run();
  auto b = a;
  b.decisions[5].included = true;   // x kept by B's filter
  b.decisions[4].included = false;  // e dropped by B's filter
  b.tours[1].stops.pop_back();      // ... so tour 2 loses e
  std::swap(b.tours[0].stops[0], b.tours[0].stops[2]);
  const auto diff = console::state::compare_runs(a, b);
  EXPECT_EQ(diff.kept_a, 5);
  EXPECT_EQ(diff.kept_b, 5);
  EXPECT_EQ(diff.changes.newly_included, std::vector<std::string>{"Sight x"});
  EXPECT_EQ(diff.changes.newly_excluded, std::vector<std::string>{"Sight e"});
  ASSERT_EQ(diff.changes.tours.size(), 2u);
  EXPECT_TRUE(diff.changes.tours[0].reordered);
  EXPECT_TRUE(diff.changes.tours[0].added.empty());
  EXPECT_EQ(diff.changes.tours[1].removed, std::vector<std::string>{"Sight e"});
}

TEST(CompareRuns, LinesUpTheStagesOfBothRunsAndTotalsThem) {
  auto a = console::testing::sample_run();  // city 0.001, attractions 0.01 (2 calls), plan 0.1
  auto b = a;
  using core::model::Stage;
  b.stages = {{Stage::City, 0.002, 0, 0.0, ""},
              {Stage::Plan, 0.05, 0, 0.0, ""},
              {Stage::Legs, 0.2, 3, 0.015, ""}};
  const auto diff = console::state::compare_runs(a, b);
  // A's stages in A's order, then the ones only B has.
  ASSERT_EQ(diff.stages.size(), 4u);
  EXPECT_EQ(diff.stages[0].name, "city");
  EXPECT_EQ(diff.stages[1].name, "attractions");
  EXPECT_EQ(diff.stages[2].name, "plan");
  EXPECT_EQ(diff.stages[3].name, "legs");
  const StageDelta& attractions = diff.stages[1];
  EXPECT_TRUE(attractions.in_a);
  EXPECT_FALSE(attractions.in_b);
  EXPECT_EQ(attractions.calls_a, 2);
  EXPECT_DOUBLE_EQ(attractions.cost_a, 0.064);
  const StageDelta& legs = diff.stages[3];
  EXPECT_FALSE(legs.in_a);
  EXPECT_TRUE(legs.in_b);
  EXPECT_EQ(legs.calls_b, 3);
  EXPECT_DOUBLE_EQ(diff.stages[2].seconds_a, 0.1);
  EXPECT_DOUBLE_EQ(diff.stages[2].seconds_b, 0.05);
  EXPECT_EQ(diff.total.name, "total");
  EXPECT_DOUBLE_EQ(diff.total.seconds_a, 0.111);
  EXPECT_DOUBLE_EQ(diff.total.seconds_b, 0.252);
  EXPECT_EQ(diff.total.calls_a, 2);
  EXPECT_EQ(diff.total.calls_b, 3);
  EXPECT_DOUBLE_EQ(diff.total.cost_b, 0.015);
}

TEST(SecondsChange, GivesTheDifferenceAndItsShareOfAsTime) {
  StageDelta stage{"plan", 0.1, 0.135, 0, 0, 0.0, 0.0, true, true};
  EXPECT_EQ(console::state::seconds_change(stage), "+0.0350 s (+35%)");
  stage.seconds_b = 0.09;
  EXPECT_EQ(console::state::seconds_change(stage), "-0.0100 s (-10%)");
  // A took no measurable time: no percentage to speak of.
  stage.seconds_a = 0.0;
  stage.seconds_b = 0.0004;
  EXPECT_EQ(console::state::seconds_change(stage), "+0.0004 s");
  // Below the timings' four decimals there is nothing to report.
  stage.seconds_a = 0.00002;
  stage.seconds_b = 0.00004;
  EXPECT_EQ(console::state::seconds_change(stage), "same");
  stage.in_a = false;
  EXPECT_EQ(console::state::seconds_change(stage), "only in B");
  stage.in_a = true;
  stage.in_b = false;
  EXPECT_EQ(console::state::seconds_change(stage), "only in A");
}

TEST(SecondsTrend, IsSlowerFasterOrTheSameAtTheShownPrecision) {
  using console::state::Trend;
  StageDelta stage{"distances", 0.0003, 0.0004, 0, 0, 0.0, 0.0, true, true};
  EXPECT_EQ(console::state::seconds_trend(stage), Trend::Slower);  // one step of the fourth decimal
  stage.seconds_b = 0.0002;
  EXPECT_EQ(console::state::seconds_trend(stage), Trend::Faster);
  stage.seconds_b = 0.00033;
  EXPECT_EQ(console::state::seconds_trend(stage), Trend::Same);
  stage.in_b = false;
  EXPECT_EQ(console::state::seconds_trend(stage), Trend::Unmatched);
}

}  // namespace
