#include "server/service/job_watch.h"

#include <algorithm>

namespace server::service {

JobWatch::JobWatch(const jobs::JobBoard* board,
                   storage::Store& store,
                   const support::Clock& clock,
                   core::model::Job job)
    : m_board(board), m_store(store), m_clock(clock), m_job(std::move(job)),
      m_next_store_read(clock.steady_now() + kStorePoll) {}

bool JobWatch::take(const core::model::Job& job) {
  if (job == m_job) return false;
  m_job = job;
  return true;
}

bool JobWatch::wait_for_change(std::chrono::milliseconds slice) {
  // The store is read when it is due, so a slice never waits past that.
  const auto until_store = std::chrono::duration_cast<std::chrono::milliseconds>(
      m_next_store_read - m_clock.steady_now());
  const std::chrono::milliseconds wait =
      std::clamp(until_store, std::chrono::milliseconds(0), slice);
  if (m_board != nullptr) {
    if (const auto snapshot = m_board->wait_newer(m_job.id, m_seen, wait);
        snapshot && snapshot->version > m_seen) {
      m_seen = snapshot->version;
      if (take(snapshot->job)) return true;
    }
  } else {
    m_clock.sleep_for(wait);
  }
  if (finished() || m_clock.steady_now() < m_next_store_read) return false;
  m_next_store_read = m_clock.steady_now() + kStorePoll;
  const auto stored = m_store.find_job(m_job.id);
  return stored && take(*stored);
}

const core::model::Job& JobWatch::wait_until_finished(std::chrono::milliseconds window,
                                                      const std::atomic<bool>& stopping) {
  const auto deadline = m_clock.steady_now() + window;
  while (!finished() && !stopping) {
    const auto now = m_clock.steady_now();
    if (now >= deadline) break;
    wait_for_change(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now));
  }
  return m_job;
}

}  // namespace server::service
