#pragma once

#include <string>
#include <vector>

#include "server/config/config.h"
#include "shared/model/run_trace.h"

namespace server::replay {

/// What a replay found.
struct ReplayReport {
  bool identical = false;
  std::vector<core::model::Tour> tours;  ///< the replayed tours
  std::vector<std::string> differences;  ///< for people, empty when identical
  std::size_t unused_calls = 0;          ///< recorded calls the replay did not need
};

/// Re-runs the pipeline of `trace` with no network: the same stages (from trace.settings), the
/// recorded external responses, the recorded input from the previous revision (a replan: the
/// replanned revision's attractions and locked tours, through pipeline::Pipeline::replan), the
/// same seed. Identical only if every tour is the same as recorded. Never writes anything.
ReplayReport replay_run(const core::model::RunTrace& trace, const config::Config& config);

}  // namespace server::replay
