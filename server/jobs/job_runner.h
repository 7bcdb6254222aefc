#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "server/pipeline/pipeline.h"
#include "server/storage/store.h"

namespace server::jobs {

/// How finished generations are stored.
struct RunnerSettings {
  bool auto_publish = true;        ///< publish a city's first revision at once
  std::chrono::seconds lease{60};  ///< renewed at every stage
  int call_budget = 200;           ///< external calls one run may make
  int concurrency = 1;             ///< external calls of one run in flight at once
};

/// How a run ended.
struct JobOutcome {
  core::model::Job job;               ///< the job as stored at the end
  std::vector<std::string> warnings;  ///< planner warnings (e.g. a must-include that cannot fit)
  bool lease_lost = false;            ///< another worker took the job over; nothing was written
  bool cancelled = false;             ///< stopped for shutdown and put back in the queue
};

/// Optional observers of one run.
struct RunHooks {
  const std::atomic<bool>* cancel = nullptr;               ///< stop before the next stage
  std::function<void(const core::model::Job&)> on_update;  ///< stage changes and the end
};

/// Runs claimed jobs: the pipeline, then one store transaction. A failure is recorded on the
/// job (retried later when it may pass), never half-written. Thread-safe.
class JobRunner {
 public:
  JobRunner(storage::Store& store, const pipeline::Pipeline& pipeline, RunnerSettings settings);

  /// Runs `job`, which `worker` holds. Never throws: every error ends up on the job.
  JobOutcome run(core::model::Job job, const std::string& worker, const RunHooks& hooks = {}) const;

 private:
  std::optional<core::model::Revision> latest_revision(const std::string& place_id) const;

  storage::Store& m_store;
  const pipeline::Pipeline& m_pipeline;
  RunnerSettings m_settings;
};

}  // namespace server::jobs
