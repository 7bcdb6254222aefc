#include "console/state/job_progress.h"

#include <algorithm>

namespace console::state {
namespace {

using core::model::Stage;

StageProgress& row_of(std::vector<StageProgress>& rows, Stage stage) {
  return *std::find_if(
      rows.begin(), rows.end(), [&](const StageProgress& r) { return r.stage == stage; });
}

}  // namespace

std::vector<StageProgress> stage_progress(const core::model::Job& job) {
  std::vector<StageProgress> rows;
  for (const Stage stage : core::model::enum_values<Stage>()) {
    rows.push_back({stage, StageState::Pending, 0.0, 0.0, 0, 0.0});
  }
  for (const core::model::StageRecord& timing : job.stages) {
    row_of(rows, timing.stage) = {
        timing.stage, StageState::Done, 1.0, timing.seconds, timing.calls, timing.cost_usd};
  }
  if (job.status == core::model::JobStatus::Succeeded) {
    // A finished job may not time its last bookkeeping stage: every stage is done.
    for (StageProgress& row : rows) {
      if (row.state == StageState::Pending) row = {row.stage, StageState::Done, 1.0, 0.0, 0, 0.0};
    }
    return rows;
  }
  // The stage a failure names, else the job's last one.
  std::optional<Stage> failed_stage;
  if (job.error) failed_stage = job.error->stage ? job.error->stage : job.stage;
  if (job.status == core::model::JobStatus::Failed && failed_stage) {
    row_of(rows, *failed_stage).state = StageState::Failed;
  } else if (job.status == core::model::JobStatus::Running && job.stage) {
    StageProgress& row = row_of(rows, *job.stage);
    if (row.state == StageState::Pending) {
      row.state = StageState::Running;
      row.fraction = 0.5;  // the server reports whole stages: half a bar says "in progress"
    }
  }
  return rows;
}

std::string failure_text(const core::model::Job& job) {
  if (job.status != core::model::JobStatus::Failed) return "";
  if (!job.error) return "the job failed without saying why";
  std::string text = job.error->stage ? std::string(to_string(*job.error->stage)) + " failed: "
                                      : "generation failed: ";
  text += job.error->message;
  if (!job.error->code.empty()) text += " (" + job.error->code + ")";
  return text;
}

}  // namespace console::state
