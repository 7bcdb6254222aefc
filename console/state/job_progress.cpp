#include "console/state/job_progress.h"

#include <algorithm>

namespace console::state {
namespace {

StageProgress* find(std::vector<StageProgress>& rows, const std::string& name) {
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const StageProgress& r) { return r.name == name; });
  return it == rows.end() ? nullptr : &*it;
}

}  // namespace

std::vector<StageProgress> stage_progress(const core::model::Job& job) {
  std::vector<StageProgress> rows;
  for (const char* name : kPipelineStages) rows.push_back({name, StageState::Pending, 0.0, 0.0, 0, 0.0});
  for (const core::model::StageTiming& timing : job.stages) {
    StageProgress* row = find(rows, timing.stage);
    if (!row) row = &rows.emplace_back(StageProgress{timing.stage, StageState::Pending, 0.0, 0.0, 0, 0.0});
    *row = {timing.stage, StageState::Done, 1.0, timing.seconds, timing.calls, timing.cost_usd};
  }
  if (job.status == core::model::JobStatus::Succeeded) {
    // A finished job may not time its last bookkeeping stage: every stage is done.
    for (StageProgress& row : rows) {
      if (row.state == StageState::Pending) row = {row.name, StageState::Done, 1.0, 0.0, 0, 0.0};
    }
    return rows;
  }
  const std::string failed_stage = job.error ? (job.error->stage.empty() ? job.stage : job.error->stage) : "";
  if (job.status == core::model::JobStatus::Failed && !failed_stage.empty()) {
    if (StageProgress* row = find(rows, failed_stage)) row->state = StageState::Failed;
  } else if (job.status == core::model::JobStatus::Running && !job.stage.empty()) {
    StageProgress* row = find(rows, job.stage);
    if (row && row->state == StageState::Pending) {
      row->state = StageState::Running;
      row->fraction = 0.5;  // the server reports whole stages: half a bar says "in progress"
    }
  }
  return rows;
}

std::string failure_text(const core::model::Job& job) {
  if (job.status != core::model::JobStatus::Failed) return "";
  if (!job.error) return "the job failed without saying why";
  std::string text = job.error->stage.empty() ? "generation failed: " : job.error->stage + " failed: ";
  text += job.error->message;
  if (!job.error->code.empty()) text += " (" + job.error->code + ")";
  return text;
}

}  // namespace console::state
