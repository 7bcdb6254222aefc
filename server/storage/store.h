#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shared/model/city.h"
#include "shared/model/job.h"
#include "shared/model/revision.h"
#include "shared/model/run_trace.h"

namespace server::storage {

/// What enqueue_job did: a new job, an existing one the request joined, or nothing because the
/// place has a city (then `job` is empty).
struct EnqueueResult {
  core::model::Job job;
  bool joined = false;
  std::optional<std::string>
      existing_city;  ///< the place's city id: an unforced request queued nothing
};

/// Where save_generation put the revision.
struct SavedRevision {
  std::string city_id;
  int revision = 0;
  bool published = false;
};

/// Which revision of a city to read.
struct RevisionChoice {
  enum class Kind { Published, Latest, Number } kind = Kind::Published;
  int number = 0;  ///< with Kind::Number

  static RevisionChoice published() { return {Kind::Published, 0}; }
  /// The draft if there is one, else the published revision.
  static RevisionChoice latest() { return {Kind::Latest, 0}; }
  static RevisionChoice exactly(int number) { return {Kind::Number, number}; }
};

/// A city and one of its revisions, read from one consistent snapshot.
struct CityRevision {
  core::model::City city;
  core::model::Revision revision;
};

/// Durable state: cities, revisions (attractions, tours, stops), jobs and run traces.
/// Implementations (SQLite, PostgreSQL) are thread-safe and throw server::StorageError when the
/// database fails; domain errors are core::NotFoundError / core::ConflictError.
class Store {
 public:
  virtual ~Store() = default;

  /// "sqlite" or "postgres".
  virtual std::string backend() const = 0;
  /// Throws server::StorageError unless the database answers (readiness).
  virtual void ping() = 0;
  /// Applies pending migrations; returns how many were applied.
  virtual int migrate() = 0;
  /// Opens the database connections a server keeps ahead of its first requests (see
  /// SqlDatabase::open_connections); throws server::StorageError.
  virtual void open_connections() {}

  /// The city with store id `city_id`.
  virtual std::optional<core::model::City> find_city(const std::string& city_id) = 0;
  /// The city generated from `place_id`.
  virtual std::optional<core::model::City> find_city_by_place(const std::string& place_id) = 0;
  /// Cities by name; with `include_unpublished` false only those with a published revision.
  virtual std::vector<core::model::City> list_cities(bool include_unpublished) = 0;
  /// Revision `number` of a city with its attractions and tours.
  virtual std::optional<core::model::Revision> load_revision(const std::string& city_id,
                                                             int number) = 0;
  /// The city and the chosen revision from one snapshot: a reader during a publish gets the old
  /// or the new revision, each with the status it had. Nullopt if either does not exist.
  virtual std::optional<CityRevision> load_city_revision(const std::string& city_id,
                                                         RevisionChoice choice) = 0;

  /// In one transaction: creates or updates the city (stable id per place_id), writes the
  /// revision as the next number (published when it is the city's first and `auto_publish`,
  /// else the draft, replacing any older draft), the run trace, and marks `job` succeeded.
  /// Throws server::LeaseLostError if `worker` no longer holds the job (nothing is written).
  virtual SavedRevision save_generation(const core::model::City& city,
                                        core::model::Revision revision,
                                        const core::model::RunTrace& trace,
                                        const core::model::Job& job,
                                        const std::string& worker,
                                        bool auto_publish) = 0;

  /// Applies `edit` to the city's draft in one transaction, first copying the published
  /// revision into a new draft when there is none. `edit` must not do I/O; what it throws
  /// aborts the transaction. Returns the saved draft. Throws core::NotFoundError.
  virtual core::model::Revision
  edit_draft(const std::string& city_id,
             const std::function<void(core::model::Revision&)>& edit) = 0;

  /// A replan's draft and its run in one transaction: applies `edit` to the city's draft as
  /// edit_draft does, then records the run as a succeeded job of origin Replan (`job`: id,
  /// options and stages; created_at and started_at when given, else now) with `trace`. What
  /// `edit` throws aborts it all. Returns the saved draft. Throws core::NotFoundError.
  virtual core::model::Revision save_replan(const std::string& city_id,
                                            const std::function<void(core::model::Revision&)>& edit,
                                            const core::model::Job& job,
                                            const core::model::RunTrace& trace) = 0;

  /// Makes the draft the published revision in one transaction (the old one is superseded).
  /// Returns the published number. Throws core::ConflictError when there is no draft.
  virtual int publish(const std::string& city_id) = 0;

  /// Queues a generation, or joins the job with the same idempotency key (opaque here; the HTTP
  /// layer scopes it to the caller), or the queued or running job for the same place, or (unless
  /// `options.force`) queues nothing because the place has a city: checked in the same transaction,
  /// so a request arriving as the place's job ends never generates the city twice. Throws
  /// core::Error "idempotency_key_reused" (see require_same_request) when the key's job was
  /// queued for another request; nothing is queued then.
  virtual EnqueueResult enqueue_job(const std::string& place_id,
                                    const core::model::GenerationOptions& options,
                                    const std::string& idempotency_key) = 0;
  /// The job `job_id`.
  virtual std::optional<core::model::Job> find_job(const std::string& job_id) = 0;
  /// The job queued with `idempotency_key` (non-empty), whatever its state.
  virtual std::optional<core::model::Job>
  find_job_by_idempotency_key(const std::string& idempotency_key) = 0;
  /// Takes the oldest queued job (or a running one whose lease expired) for `worker`, marking it
  /// running with a lease of `lease` and one more attempt. Several instances may call this at once.
  virtual std::optional<core::model::Job> claim_job(const std::string& worker,
                                                    std::chrono::seconds lease) = 0;
  /// Like claim_job, but only takes job `job_id` (the CLI runs the job it just queued).
  virtual std::optional<core::model::Job> claim_specific_job(const std::string& job_id,
                                                             const std::string& worker,
                                                             std::chrono::seconds lease) = 0;
  /// Extends the lease; false if `worker` no longer holds the job.
  virtual bool
  renew_lease(const std::string& job_id, const std::string& worker, std::chrono::seconds lease) = 0;
  /// Records stage, progress and stage timings of a running job held by `worker`.
  virtual void update_progress(const core::model::Job& job, const std::string& worker) = 0;
  /// Ends a job held by `worker`: back to the queue when `retry`, else failed; the error is kept.
  virtual void fail_job(const std::string& job_id,
                        const std::string& worker,
                        const core::model::JobError& error,
                        bool retry) = 0;
  /// Puts a running job held by `worker` back in the queue without counting the attempt (shutdown).
  virtual void release_job(const std::string& job_id, const std::string& worker) = 0;
  /// Jobs queued or running now, oldest first.
  virtual std::vector<core::model::Job> active_jobs() = 0;
  /// The `limit` newest jobs of `place_id` (generations and replans), whatever their state, newest
  /// first.
  virtual std::vector<core::model::Job> jobs_of_place(const std::string& place_id, int limit) = 0;
  /// Number of generation jobs in each state (replans are recorded finished, and not counted).
  virtual std::map<core::model::JobStatus, int> count_jobs() = 0;

  /// The run trace of a job.
  virtual std::optional<core::model::RunTrace> load_run(const std::string& job_id) = 0;
};

/// Throws core::Error "idempotency_key_reused" (HTTP 422) unless `job` was queued for `place_id`
/// with `options`: an idempotency key stands for one request, and a different request under it is
/// an error, never a silent replay of the first (draft-ietf-httpapi-idempotency-key-header §2.6).
void require_same_request(const core::model::Job& job,
                          const std::string& place_id,
                          const core::model::GenerationOptions& options);

}  // namespace server::storage
