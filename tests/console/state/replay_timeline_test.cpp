#include "console/state/replay_timeline.h"

#include <gtest/gtest.h>

namespace {

using console::state::ReplayStage;
using console::state::ReplayTimeline;

TEST(ReplayTimeline, StartsAtTheCityStage) {
  const ReplayTimeline timeline;
  EXPECT_EQ(timeline.frame().stage, ReplayStage::City);
  EXPECT_DOUBLE_EQ(timeline.frame().progress, 0.0);
  EXPECT_FALSE(timeline.playing());
}

TEST(ReplayTimeline, ShowStageEndsOnThatStageFullyDrawn) {
  ReplayTimeline timeline;
  timeline.show_stage(2);
  EXPECT_EQ(timeline.frame().stage, ReplayStage::Filter);
  EXPECT_DOUBLE_EQ(timeline.frame().progress, 1.0);
  timeline.show_stage(99);
  EXPECT_EQ(timeline.frame().stage, ReplayStage::Legs);
}

TEST(ReplayTimeline, PlaysAtTwoSecondsPerStageAndStopsAtTheEnd) {
  ReplayTimeline timeline;
  timeline.play();
  timeline.tick(3.0);  // one and a half stages
  EXPECT_DOUBLE_EQ(timeline.position(), 1.5);
  EXPECT_EQ(timeline.frame().stage, ReplayStage::Candidates);
  EXPECT_DOUBLE_EQ(timeline.frame().progress, 0.5);
  timeline.tick(100.0);
  EXPECT_DOUBLE_EQ(timeline.position(), console::state::kReplayStageCount);
  EXPECT_FALSE(timeline.playing());
  timeline.play();  // from the end, play restarts
  EXPECT_DOUBLE_EQ(timeline.position(), 0.0);
}

TEST(ReplayTimeline, PausedTimelineDoesNotMove) {
  ReplayTimeline timeline;
  timeline.seek(2.25);
  timeline.tick(5.0);
  EXPECT_DOUBLE_EQ(timeline.position(), 2.25);
}

TEST(ReplayTimeline, SpeedScalesPlayback) {
  ReplayTimeline timeline;
  timeline.set_speed(4.0);
  timeline.play();
  timeline.tick(1.0);
  EXPECT_DOUBLE_EQ(timeline.position(), 2.0);
  timeline.set_speed(100.0);
  EXPECT_DOUBLE_EQ(timeline.speed(), 8.0);
}

TEST(ReplayTimeline, StepsJumpBetweenStageEnds) {
  ReplayTimeline timeline;
  timeline.seek(2.4);
  timeline.step_forward();
  EXPECT_DOUBLE_EQ(timeline.position(), 3.0);
  timeline.step_forward();
  EXPECT_DOUBLE_EQ(timeline.position(), 4.0);
  timeline.step_back();
  EXPECT_DOUBLE_EQ(timeline.position(), 3.0);
  timeline.seek(0.3);
  timeline.step_back();
  EXPECT_DOUBLE_EQ(timeline.position(), 0.0);
  timeline.seek(-4.0);
  EXPECT_DOUBLE_EQ(timeline.position(), 0.0);
}

TEST(ReplayFrame, CandidatesAppearDuringTheirStage) {
  EXPECT_EQ((console::state::ReplayFrame{ReplayStage::City, 1.0}.candidates_visible(10)), 0u);
  EXPECT_EQ((console::state::ReplayFrame{ReplayStage::Candidates, 0.25}.candidates_visible(10)),
            3u);
  EXPECT_EQ((console::state::ReplayFrame{ReplayStage::Planning, 0.0}.candidates_visible(10)), 10u);
}

TEST(ReplayFrame, DroppedCandidatesFadeDuringTheFilter) {
  EXPECT_DOUBLE_EQ((console::state::ReplayFrame{ReplayStage::Candidates, 1.0}.dropped_alpha()),
                   1.0);
  EXPECT_DOUBLE_EQ((console::state::ReplayFrame{ReplayStage::Filter, 0.5}.dropped_alpha()),
                   1.0 - (1.0 - console::state::kDroppedAlpha) * 0.5);
  EXPECT_DOUBLE_EQ((console::state::ReplayFrame{ReplayStage::Legs, 0.0}.dropped_alpha()),
                   console::state::kDroppedAlpha);
  EXPECT_FALSE((console::state::ReplayFrame{ReplayStage::Candidates, 1.0}.decisions_shown()));
  EXPECT_TRUE((console::state::ReplayFrame{ReplayStage::Filter, 0.0}.decisions_shown()));
}

TEST(ReplayFrame, LegsAreDrawnOneAfterAnother) {
  const console::state::ReplayFrame planning{ReplayStage::Planning, 0.4};
  EXPECT_EQ(planning.planned_legs_visible(10), 4u);
  EXPECT_EQ(planning.final_legs_visible(10), 0u);
  const console::state::ReplayFrame legs{ReplayStage::Legs, 0.75};
  EXPECT_EQ(legs.planned_legs_visible(10), 10u);
  EXPECT_EQ(legs.final_legs_visible(8), 6u);
}

TEST(ReplayStageRecords, MapTheTimelineToTheTraceStages) {
  using core::model::Stage;
  EXPECT_EQ(console::state::replay_stage_records(ReplayStage::Planning),
            (std::vector{Stage::Distances, Stage::Plan}));
  EXPECT_EQ(console::state::replay_stage_records(ReplayStage::Filter), std::vector{Stage::Filter});
  EXPECT_EQ(console::state::replay_stage_records(ReplayStage::Legs),
            (std::vector{Stage::Legs, Stage::Store}));
}

}  // namespace
