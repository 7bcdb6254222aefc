#include "server/jobs/job_runner.h"

#include "server/errors.h"
#include "server/support/log.h"
#include "server/support/metrics.h"
#include "shared/model/working_revision.h"

namespace server::jobs {

JobRunner::JobRunner(storage::Store& store,
                     const pipeline::Pipeline& pipeline,
                     RunnerSettings settings)
    : m_store(store), m_pipeline(pipeline), m_settings(settings) {}

std::optional<core::model::Revision> JobRunner::latest_revision(const std::string& place_id) const {
  const auto city = m_store.find_city_by_place(place_id);
  if (!city) return std::nullopt;
  const std::optional<int> number = core::model::working_revision(*city);
  if (!number) return std::nullopt;
  return m_store.load_revision(city->id, *number);
}

JobOutcome
JobRunner::run(core::model::Job job, const std::string& worker, const RunHooks& hooks) const {
  JobOutcome outcome;
  core::model::JobError error;
  bool retry = false;
  try {
    pipeline::RunContext context;
    context.call_budget = m_settings.call_budget;
    context.concurrency = m_settings.concurrency;
    context.cancel = hooks.cancel;
    context.on_progress = [&](core::model::Stage stage, double progress) {
      job.stage = stage;
      job.progress = progress;
      m_store.update_progress(job, worker);
      if (hooks.on_update) hooks.on_update(job);
      if (!m_store.renew_lease(job.id, worker, m_settings.lease)) {
        throw LeaseLostError("job " + job.id + " was taken over by another worker");
      }
    };
    pipeline::GenerationResult result =
        m_pipeline.run({job.id, job.place_id, job.options}, latest_revision(job.place_id), context);
    job.stages = result.trace.stages;
    m_store.save_generation(result.city,
                            std::move(result.revision),
                            result.trace,
                            job,
                            worker,
                            m_settings.auto_publish);
    outcome.warnings = std::move(result.warnings);
  } catch (const LeaseLostError&) {
    outcome.lease_lost = true;
  } catch (const CancelledError&) {
    m_store.release_job(job.id, worker);
    outcome.cancelled = true;
  } catch (const UpstreamError& e) {
    error = {e.code(), e.what(), job.stage};
    retry = e.retryable();
  } catch (const StorageError& e) {
    // A job's error is shown to clients; the database's own message (which can quote data) is not.
    support::log(
        support::LogLevel::Warn, "job storage error", {{"job_id", job.id}, {"error", e.what()}});
    error = {
        e.code(), "the database failed during the run; the server log has the details", job.stage};
    retry = true;
  } catch (const core::Error& e) {
    error = {e.code(), e.what(), job.stage};
  } catch (const std::exception& e) {
    support::log(support::LogLevel::Error,
                 "job failed unexpectedly",
                 {{"job_id", job.id}, {"error", e.what()}});
    error = {"internal", "unexpected error; the server log has the details", job.stage};
  }
  if (!error.code.empty()) {
    try {
      m_store.fail_job(job.id, worker, error, retry);
    } catch (const std::exception&) {
      // The store is down too: the lease will expire and another attempt will record the outcome.
    }
  }
  try {
    if (auto stored = m_store.find_job(job.id)) job = std::move(*stored);
  } catch (const std::exception&) {}
  // Before the end is announced, so whoever sees the job finished also sees its metrics.
  for (const core::model::StageRecord& stage : job.stages) {
    support::Metrics::global().observe_stage(stage.stage, stage.seconds);
  }
  if (hooks.on_update) hooks.on_update(job);
  outcome.job = std::move(job);
  return outcome;
}

}  // namespace server::jobs
