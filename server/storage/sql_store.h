#pragma once

#include <memory>

#include "server/storage/sql_database.h"
#include "server/storage/store.h"
#include "server/support/clock.h"

namespace server::storage {

/// The Store over any SqlDatabase: one implementation of the contract for SQLite and
/// PostgreSQL. Timestamps and lease expiries come from `clock` (UTC wall time).
class SqlStore : public Store {
 public:
  /// Takes ownership of the database; `clock` must outlive the store. Does not migrate: call
  /// migrate().
  explicit SqlStore(std::unique_ptr<SqlDatabase> database,
                    int max_job_attempts = 3,
                    const support::Clock& clock = support::system_clock());

  std::string backend() const override;
  void ping() override;
  void open_connections() override;
  int migrate() override;

  std::optional<core::model::City> find_city(const std::string& city_id) override;
  std::optional<core::model::City> find_city_by_place(const std::string& place_id) override;
  std::vector<core::model::City> list_cities(bool include_unpublished) override;
  std::optional<core::model::Revision> load_revision(const std::string& city_id,
                                                     int number) override;
  std::optional<CityRevision> load_city_revision(const std::string& city_id,
                                                 RevisionChoice choice) override;
  SavedRevision save_generation(const core::model::City& city,
                                core::model::Revision revision,
                                const core::model::RunTrace& trace,
                                const core::model::Job& job,
                                const std::string& worker,
                                bool auto_publish) override;
  core::model::Revision
  edit_draft(const std::string& city_id,
             const std::function<void(core::model::Revision&)>& edit) override;
  core::model::Revision save_replan(const std::string& city_id,
                                    const std::function<void(core::model::Revision&)>& edit,
                                    const core::model::Job& job,
                                    const core::model::RunTrace& trace) override;
  int publish(const std::string& city_id) override;

  EnqueueResult enqueue_job(const std::string& place_id,
                            const core::model::GenerationOptions& options,
                            const std::string& idempotency_key) override;
  std::optional<core::model::Job> find_job(const std::string& job_id) override;
  std::optional<core::model::Job>
  find_job_by_idempotency_key(const std::string& idempotency_key) override;
  std::optional<core::model::Job> claim_job(const std::string& worker,
                                            std::chrono::seconds lease) override;
  std::optional<core::model::Job> claim_specific_job(const std::string& job_id,
                                                     const std::string& worker,
                                                     std::chrono::seconds lease) override;
  bool renew_lease(const std::string& job_id,
                   const std::string& worker,
                   std::chrono::seconds lease) override;
  void update_progress(const core::model::Job& job, const std::string& worker) override;
  void fail_job(const std::string& job_id,
                const std::string& worker,
                const core::model::JobError& error,
                bool retry) override;
  void release_job(const std::string& job_id, const std::string& worker) override;
  std::vector<core::model::Job> active_jobs() override;
  std::vector<core::model::Job> jobs_of_place(const std::string& place_id, int limit) override;
  std::map<core::model::JobStatus, int> count_jobs() override;

  std::optional<core::model::RunTrace> load_run(const std::string& job_id) override;

 private:
  std::optional<core::model::Job>
  claim(const std::string& worker, std::chrono::seconds lease, const std::string& only_job_id);

  /// edit_draft's work inside `session`, stamped `now`.
  core::model::Revision edit_draft_in(SqlSession& session,
                                      const std::string& city_id,
                                      const std::function<void(core::model::Revision&)>& edit,
                                      const std::string& now);

  /// The clock's time as stored: ISO 8601 UTC.
  std::string timestamp() const;

  std::unique_ptr<SqlDatabase> m_db;
  int m_max_job_attempts;
  const support::Clock& m_clock;
};

}  // namespace server::storage
