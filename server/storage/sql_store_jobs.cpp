// The durable job queue of SqlStore.
#include <nlohmann/json.hpp>

#include "server/errors.h"
#include "server/storage/sql_store.h"
#include "server/storage/store_errors.h"
#include "server/storage/store_rows.h"
#include "server/support/clock.h"
#include "server/support/uuid.h"
#include "shared/json/model_json.h"

namespace server::storage {
namespace {

using core::model::Job;

constexpr int kUniqueRaceRetries = 3;

std::optional<Job> query_job(SqlSession& session, const char* where, const SqlRow& params) {
  const auto rows = session.query(
      std::string("SELECT ") + rows::kJobColumns + " FROM jobs WHERE " + where, params);
  if (rows.empty()) return std::nullopt;
  return rows::job_from_row(rows.front());
}

std::string lease_until(const support::Clock& clock, std::chrono::seconds lease) {
  return support::to_iso8601(clock.now() + lease);
}

}  // namespace

void require_same_request(const Job& job,
                          const std::string& place_id,
                          const core::model::GenerationOptions& options) {
  if (job.place_id == place_id && job.options == options) return;
  throw core::Error("idempotency_key_reused",
                    "this Idempotency-Key was already used for a different request (place_id " +
                        job.place_id + (job.place_id == place_id ? " with other options" : "") +
                        "); repeat that request unchanged, or use a new key");
}

EnqueueResult SqlStore::enqueue_job(const std::string& place_id,
                                    const core::model::GenerationOptions& options,
                                    const std::string& idempotency_key) {
  for (int attempt = 1;; ++attempt) {
    EnqueueResult result;
    try {
      m_db->transact([&](SqlSession& session) {
        if (!idempotency_key.empty()) {
          if (auto existing = query_job(session, "idempotency_key = ?", {idempotency_key})) {
            require_same_request(*existing, place_id, options);
            result = {std::move(*existing), true, std::nullopt};
            return;
          }
        }
        if (auto active = query_job(
                session, "place_id = ? AND status IN ('queued', 'running')", {place_id})) {
          result = {std::move(*active), true, std::nullopt};
          return;
        }
        // After the active-job check: a job that ended before it saved its city in the same
        // commit, so this statement sees that city.
        if (!options.force) {
          const auto city = session.query("SELECT id FROM cities WHERE place_id = ?", {place_id});
          if (!city.empty()) {
            result.existing_city = as_text(city.front().front());
            return;
          }
        }
        const std::string now = timestamp();
        const std::string id = support::new_uuid();
        session.execute("INSERT INTO jobs (id, place_id, options, status, max_attempts, "
                        "idempotency_key, created_at, updated_at) "
                        "VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)",
                        {id,
                         place_id,
                         nlohmann::json(options).dump(),
                         static_cast<std::int64_t>(m_max_job_attempts),
                         text_or_null(idempotency_key),
                         now,
                         now});
        result = {*query_job(session, "id = ?", {id}), false, std::nullopt};
      });
      return result;
    } catch (const UniqueViolation&) {
      // Another instance queued the same place or key between our check and insert: join it.
      if (attempt >= kUniqueRaceRetries) throw;
    }
  }
}

std::optional<Job> SqlStore::find_job(const std::string& job_id) {
  if (!support::is_uuid(job_id)) return std::nullopt;
  std::optional<Job> job;
  m_db->read([&](SqlSession& session) { job = query_job(session, "id = ?", {job_id}); });
  return job;
}

std::optional<Job> SqlStore::find_job_by_idempotency_key(const std::string& idempotency_key) {
  std::optional<Job> job;
  m_db->read([&](SqlSession& session) {
    job = query_job(session, "idempotency_key = ?", {idempotency_key});
  });
  return job;
}

std::optional<Job> SqlStore::claim(const std::string& worker,
                                   std::chrono::seconds lease,
                                   const std::string& only_job_id) {
  std::optional<Job> claimed;
  m_db->transact([&](SqlSession& session) {
    const std::string now = timestamp();
    while (true) {
      std::string sql = "SELECT id, attempts, max_attempts FROM jobs WHERE (status = 'queued' OR "
                        "(status = 'running' AND "
                        "lease_expires_at < ?))";
      SqlRow params{now};
      if (!only_job_id.empty()) {
        sql += " AND id = ?";
        params.emplace_back(only_job_id);
      }
      sql += " ORDER BY created_at, id LIMIT 1" + m_db->skip_locked_clause();
      const auto rows = session.query(sql, params);
      if (rows.empty()) return;
      const std::string id = as_text(rows.front()[0]);
      if (as_int(rows.front()[1]) >= as_int(rows.front()[2])) {
        // Its workers died every time: stop handing out a job that kills them.
        const core::model::JobError error{"worker_lost",
                                          "the job's worker stopped " + as_text(rows.front()[1]) +
                                              " times before finishing",
                                          std::nullopt};
        session.execute("UPDATE jobs SET status = 'failed', error = ?, lease_owner = NULL, "
                        "lease_expires_at = NULL, "
                        "finished_at = ?, updated_at = ? WHERE id = ?",
                        {nlohmann::json(error).dump(), now, now, id});
        continue;
      }
      session.execute("UPDATE jobs SET status = 'running', lease_owner = ?, lease_expires_at = ?, "
                      "attempts = attempts + 1, "
                      "started_at = COALESCE(started_at, ?), updated_at = ? WHERE id = ?",
                      {worker, lease_until(m_clock, lease), now, now, id});
      claimed = query_job(session, "id = ?", {id});
      return;
    }
  });
  return claimed;
}

std::optional<Job> SqlStore::claim_job(const std::string& worker, std::chrono::seconds lease) {
  return claim(worker, lease, "");
}

std::optional<Job> SqlStore::claim_specific_job(const std::string& job_id,
                                                const std::string& worker,
                                                std::chrono::seconds lease) {
  return claim(worker, lease, job_id);
}

bool SqlStore::renew_lease(const std::string& job_id,
                           const std::string& worker,
                           std::chrono::seconds lease) {
  long changed = 0;
  m_db->transact([&](SqlSession& session) {
    changed = session.execute("UPDATE jobs SET lease_expires_at = ?, updated_at = ? WHERE id = ? "
                              "AND status = 'running' AND lease_owner = ?",
                              {lease_until(m_clock, lease), timestamp(), job_id, worker});
  });
  return changed > 0;
}

void SqlStore::update_progress(const Job& job, const std::string& worker) {
  m_db->transact([&](SqlSession& session) {
    session.execute("UPDATE jobs SET stage = ?, progress = ?, stages = ?, updated_at = ? WHERE id "
                    "= ? AND status = 'running' "
                    "AND lease_owner = ?",
                    {job.stage ? rows::name_of(*job.stage) : SqlValue(std::string()),
                     job.progress,
                     nlohmann::json(job.stages).dump(),
                     timestamp(),
                     job.id,
                     worker});
  });
}

void SqlStore::fail_job(const std::string& job_id,
                        const std::string& worker,
                        const core::model::JobError& error,
                        bool retry) {
  m_db->transact([&](SqlSession& session) {
    const std::string now = timestamp();
    const std::string error_json = nlohmann::json(error).dump();
    // A retry goes back to the queue only while attempts remain; otherwise the job fails for good.
    const long requeued =
        retry ? session.execute("UPDATE jobs SET status = 'queued', error = ?, lease_owner = NULL, "
                                "lease_expires_at = NULL, "
                                "updated_at = ? WHERE id = ? AND status = 'running' AND "
                                "lease_owner = ? AND attempts < max_attempts",
                                {error_json, now, job_id, worker})
              : 0;
    if (requeued > 0) return;
    session.execute("UPDATE jobs SET status = 'failed', error = ?, lease_owner = NULL, "
                    "lease_expires_at = NULL, finished_at = ?, "
                    "updated_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?",
                    {error_json, now, now, job_id, worker});
  });
}

void SqlStore::release_job(const std::string& job_id, const std::string& worker) {
  m_db->transact([&](SqlSession& session) {
    session.execute("UPDATE jobs SET status = 'queued', attempts = attempts - 1, lease_owner = "
                    "NULL, lease_expires_at = NULL, "
                    "updated_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?",
                    {timestamp(), job_id, worker});
  });
}

std::vector<Job> SqlStore::active_jobs() {
  std::vector<Job> jobs;
  m_db->read([&](SqlSession& session) {
    for (const SqlRow& row :
         session.query(std::string("SELECT ") + rows::kJobColumns +
                       " FROM jobs WHERE status IN ('queued', 'running') ORDER BY created_at")) {
      jobs.push_back(rows::job_from_row(row));
    }
  });
  return jobs;
}

std::vector<Job> SqlStore::jobs_of_place(const std::string& place_id, int limit) {
  std::vector<Job> jobs;
  m_db->read([&](SqlSession& session) {
    for (const SqlRow& row :
         session.query(std::string("SELECT ") + rows::kJobColumns +
                           " FROM jobs WHERE place_id = ? ORDER BY created_at DESC, id LIMIT ?",
                       {place_id, static_cast<std::int64_t>(limit)})) {
      jobs.push_back(rows::job_from_row(row));
    }
  });
  return jobs;
}

std::map<core::model::JobStatus, int> SqlStore::count_jobs() {
  std::map<core::model::JobStatus, int> counts{{core::model::JobStatus::Queued, 0},
                                               {core::model::JobStatus::Running, 0},
                                               {core::model::JobStatus::Succeeded, 0},
                                               {core::model::JobStatus::Failed, 0}};
  m_db->read([&](SqlSession& session) {
    for (const SqlRow& row : session.query(
             "SELECT status, COUNT(*) FROM jobs WHERE origin = 'generation' GROUP BY status")) {
      counts[rows::enum_column<core::model::JobStatus>(row[0], "jobs.status")] =
          static_cast<int>(as_int(row[1]));
    }
  });
  return counts;
}

}  // namespace server::storage
