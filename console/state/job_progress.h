#pragma once

#include <string>
#include <vector>

#include "shared/model/job.h"
#include "shared/model/stage.h"

namespace console::state {

/// Where one stage of a job stands.
enum class StageState { Pending, Running, Done, Failed };

/// One progress bar of the generate panel.
struct StageProgress {
  core::model::Stage stage = core::model::Stage::City;
  StageState state = StageState::Pending;
  double fraction = 0.0;  ///< 1 when done, 0 when pending; running stages show the job's share
  double seconds = 0.0;   ///< when done
  int calls = 0;
  double cost_usd = 0.0;
};

/// A bar per pipeline stage (core::model::Stage, in order), from the job's timings (done), current
/// stage (running) and error (failed).
std::vector<StageProgress> stage_progress(const core::model::Job& job);

/// A failure for people: "filter failed: <message> (<code>)", or "" when the job did not fail.
std::string failure_text(const core::model::Job& job);

}  // namespace console::state
