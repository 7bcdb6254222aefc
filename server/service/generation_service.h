#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "server/config/config.h"
#include "server/jobs/job_board.h"
#include "server/pipeline/interfaces.h"
#include "server/service/job_watch.h"
#include "server/storage/store.h"
#include "server/support/clock.h"
#include "shared/model/city.h"
#include "shared/model/generation_options.h"
#include "shared/model/revision.h"

namespace server::jobs {
class JobRunner;
class WorkerPool;
}  // namespace server::jobs

namespace server::service {

/// The bounds a new generation passes before it is queued (the API's rate limit, queue bound and
/// spend budget): `admit` throws to refuse; `queued` learns the job it became (or joined). Unset
/// for callers without bounds (the CLI).
struct AdmissionHooks {
  std::function<void()> admit;
  std::function<void(const std::string& job_id, bool joined)> queued;
};

/// What a generation was asked for.
struct GenerateCall {
  std::string place_id;
  core::model::GenerationOptions options;
  std::string idempotency_key;  ///< scoped to its caller (see http/idempotency.h); empty: none
  AdmissionHooks admission;     ///< run only when new work would be queued (not for a replayed key)
};

/// A city generated before, and the revision its reader gets (none when that reader may see none).
struct ExistingCity {
  core::model::City city;
  std::optional<core::model::Revision> revision;
};

/// What submit did: nothing, because the city exists; or the job queued, or the one it joined.
struct Submission {
  std::optional<ExistingCity> existing;
  storage::EnqueueResult queued;  ///< when nothing existed
};

/// How a job ended for a caller that saw it through (see GenerationService::run_or_wait).
struct Finished {
  core::model::Job job;               ///< as stored at the end (or as last seen, if stopped)
  std::vector<std::string> warnings;  ///< the planner's, when this process ran the job
};

/// Generating a city, for the HTTP API and the CLI alike: submit (or join), then watch the job,
/// or run it here.
class GenerationService {
 public:
  /// `board` (may be null) carries this process's job news; `pool` (may be null) is woken when a
  /// job is queued; `runner` (may be null) runs a job in the caller's thread (run_or_wait).
  /// Everything given must outlive the service.
  GenerationService(storage::Store& store,
                    pipeline::PlaceProvider& places,
                    jobs::JobBoard* board,
                    jobs::WorkerPool* pool,
                    const jobs::JobRunner* runner,
                    const support::Clock& clock);

  /// Checks the place id (core::InputError), then: a key used before gives its own job (whatever
  /// exists now; core::Error "idempotency_key_reused" for another request under it); a city
  /// generated before is answered as it is unless `options.force` (the revision `reader` reads);
  /// else the call's admission hooks run and the place's running job is joined or a new one queued
  /// (and the pool woken).
  Submission submit(const GenerateCall& call, config::Role reader);

  /// A watch over `job` on this service's board and store.
  JobWatch watch(const core::model::Job& job) const;

  /// Waits until `job` ends, `window` passes or `stopping` is set (the generate wait window);
  /// returns the job as last seen.
  core::model::Job wait(const core::model::Job& job,
                        std::chrono::milliseconds window,
                        const std::atomic<bool>& stopping) const;

  /// Wakes every watch waiting on this process's job news (shutdown: they look at their
  /// `stopping` flag at once).
  void wake_watchers() const;

  /// Sees a job that submit queued through to its end, for a caller without a worker pool (the
  /// CLI): runs it in this thread as `worker` (lease `lease`) when this service has a runner and
  /// nobody holds the job yet; else (another process runs it) calls `on_join` with the job and
  /// watches it until it ends or `stopping` is set.
  Finished run_or_wait(const core::model::Job& job,
                       const std::string& worker,
                       std::chrono::seconds lease,
                       const std::function<void(const core::model::Job&)>& on_join,
                       const std::atomic<bool>& stopping) const;

 private:
  ExistingCity existing(core::model::City city, config::Role reader) const;

  storage::Store& m_store;
  pipeline::PlaceProvider& m_places;
  jobs::JobBoard* m_board;
  jobs::WorkerPool* m_pool;
  const jobs::JobRunner* m_runner;
  const support::Clock& m_clock;
};

}  // namespace server::service
