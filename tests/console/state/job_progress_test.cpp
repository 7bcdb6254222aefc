#include "console/state/job_progress.h"

#include <gtest/gtest.h>

namespace {

using console::state::StageState;
using core::model::Stage;

core::model::Job running_job() {
  core::model::Job job;
  job.id = "job-1";
  job.status = core::model::JobStatus::Running;
  job.stage = Stage::Filter;
  job.stages = {{Stage::City, 0.01, 1, 0.017, ""}, {Stage::Attractions, 1.5, 4, 0.128, ""}};
  return job;
}

TEST(StageProgress, DoneRunningAndPendingStages) {
  const auto rows = console::state::stage_progress(running_job());
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[0].state, StageState::Done);
  EXPECT_DOUBLE_EQ(rows[1].seconds, 1.5);
  EXPECT_EQ(rows[1].calls, 4);
  EXPECT_EQ(rows[2].stage, Stage::Filter);
  EXPECT_EQ(rows[2].state, StageState::Running);
  EXPECT_GT(rows[2].fraction, 0.0);
  EXPECT_LT(rows[2].fraction, 1.0);
  EXPECT_EQ(rows[3].state, StageState::Pending);
  EXPECT_DOUBLE_EQ(rows[6].fraction, 0.0);
}

TEST(StageProgress, MarksTheFailedStage) {
  core::model::Job job = running_job();
  job.status = core::model::JobStatus::Failed;
  job.error = core::model::JobError{"upstream", "Places API answered 403", Stage::Filter};
  const auto rows = console::state::stage_progress(job);
  EXPECT_EQ(rows[2].state, StageState::Failed);
  EXPECT_EQ(rows[3].state, StageState::Pending);
  EXPECT_EQ(console::state::failure_text(job), "filter failed: Places API answered 403 (upstream)");
}

TEST(StageProgress, FinishedJobHasEveryStageDone) {
  core::model::Job job = running_job();
  job.status = core::model::JobStatus::Succeeded;
  for (const auto& row : console::state::stage_progress(job)) {
    EXPECT_EQ(row.state, StageState::Done) << to_string(row.stage);
  }
  EXPECT_EQ(console::state::failure_text(job), "");
}

TEST(StageProgress, OneBarPerStageInPipelineOrder) {
  const auto rows = console::state::stage_progress(running_job());
  ASSERT_EQ(rows.size(), core::model::enum_values<Stage>().size());
  EXPECT_EQ(rows.front().stage, Stage::City);
  EXPECT_EQ(rows[4].stage, Stage::Plan);
  EXPECT_EQ(rows.back().stage, Stage::Store);
}

TEST(StageProgress, AFailureBeforeAnyStageMarksNoBar) {
  core::model::Job job;
  job.status = core::model::JobStatus::Failed;
  job.error = core::model::JobError{
      "worker_lost", "the job's worker stopped 3 times before finishing", std::nullopt};
  for (const auto& row : console::state::stage_progress(job))
    EXPECT_EQ(row.state, StageState::Pending);
  EXPECT_EQ(console::state::failure_text(job),
            "generation failed: the job's worker stopped 3 times before finishing (worker_lost)");
}

}  // namespace
