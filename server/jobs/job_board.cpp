#include "server/jobs/job_board.h"

#include <algorithm>
#include <vector>

namespace server::jobs {

void JobBoard::post(const core::model::Job& job) {
  {
    std::lock_guard lock(m_mutex);
    m_jobs[job.id] = {job, m_next_version++};
    forget_old_finished();
  }
  m_changed.notify_all();
}

std::optional<JobBoard::Snapshot> JobBoard::latest(const std::string& job_id) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_jobs.find(job_id);
  if (it == m_jobs.end()) return std::nullopt;
  return it->second;
}

std::optional<JobBoard::Snapshot> JobBoard::wait_newer(const std::string& job_id,
                                                       std::uint64_t seen,
                                                       std::chrono::milliseconds timeout) const {
  std::unique_lock lock(m_mutex);
  m_clock.wait_for(m_changed, lock, timeout, [&] {
    const auto it = m_jobs.find(job_id);
    return it != m_jobs.end() && it->second.version > seen;
  });
  const auto it = m_jobs.find(job_id);
  if (it == m_jobs.end()) return std::nullopt;
  return it->second;
}

void JobBoard::wake_all() {
  m_changed.notify_all();
}

void JobBoard::forget_old_finished() {
  std::size_t finished_count = 0;
  for (const auto& [id, snapshot] : m_jobs)
    finished_count += core::model::finished(snapshot.job.status) ? 1U : 0U;
  if (finished_count <= kMaxFinishedKept) return;
  // Drop the oldest finished posts; running jobs always stay.
  std::vector<std::pair<std::uint64_t, std::string>> finished_jobs;
  for (const auto& [id, snapshot] : m_jobs) {
    if (core::model::finished(snapshot.job.status))
      finished_jobs.emplace_back(snapshot.version, id);
  }
  std::sort(finished_jobs.begin(), finished_jobs.end());
  for (std::size_t i = 0; i + kMaxFinishedKept < finished_jobs.size(); ++i)
    m_jobs.erase(finished_jobs[i].second);
}

}  // namespace server::jobs
