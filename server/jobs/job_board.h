#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "server/support/clock.h"
#include "shared/model/job.h"

namespace server::jobs {

/// In-process notice board of job states: workers post every change, HTTP handlers wait for
/// one (the generate wait window, server-sent events) without polling the database. Jobs run by
/// other instances are not posted here; waiters fall back to the store for those.
class JobBoard {
 public:
  /// Waits are measured on `clock`, which must outlive the board.
  explicit JobBoard(const support::Clock& clock = support::system_clock()) : m_clock(clock) {}

  /// A snapshot and its version (increases with every post of that job).
  struct Snapshot {
    core::model::Job job;
    std::uint64_t version = 0;
  };

  /// Records the latest state of a job and wakes its waiters.
  void post(const core::model::Job& job);
  /// The latest posted state of `job_id`, if any.
  std::optional<Snapshot> latest(const std::string& job_id) const;
  /// Waits until `job_id` has a version newer than `seen` or `timeout` passes on the board's
  /// clock; returns the latest snapshot (which may be `seen` again after a timeout).
  std::optional<Snapshot> wait_newer(const std::string& job_id,
                                     std::uint64_t seen,
                                     std::chrono::milliseconds timeout) const;
  /// The clock the board waits on.
  const support::Clock& clock() const { return m_clock; }
  /// Wakes every waiter (shutdown).
  void wake_all();

 private:
  static constexpr std::size_t kMaxFinishedKept = 1000;
  void forget_old_finished();

  const support::Clock& m_clock;
  mutable std::mutex m_mutex;
  mutable std::condition_variable m_changed;
  std::map<std::string, Snapshot> m_jobs;
  std::uint64_t m_next_version = 1;
};

}  // namespace server::jobs
