#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/jobs/job_board.h"
#include "server/jobs/job_runner.h"
#include "server/storage/store.h"
#include "server/support/clock.h"

namespace server::jobs {

/// Worker pool settings.
struct WorkerPoolSettings {
  int threads = 2;
  std::chrono::seconds lease{60};
  std::chrono::milliseconds poll{1000};  ///< how often idle workers look for jobs queued elsewhere
};

/// Threads that claim jobs from the durable queue (shared with other instances) and run them.
/// Leases of running jobs are renewed by a heartbeat, so only a dead instance loses its jobs.
/// Polls, heartbeats and the shutdown grace are measured on `clock`.
class WorkerPool {
 public:
  /// Everything given must outlive the pool.
  WorkerPool(storage::Store& store,
             const JobRunner& runner,
             JobBoard& board,
             WorkerPoolSettings settings,
             const support::Clock& clock = support::system_clock());
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Starts the worker and heartbeat threads.
  void start();
  /// Wakes an idle worker: a job was just queued.
  void notify();
  /// Stops claiming; running jobs may finish within `grace`. Those still running then go back to
  /// the queue at once and are asked to stop at their next stage. Returns true when every thread
  /// has ended; false when some are still blocked in an external call after a short wait (their
  /// jobs are already re-queued and whatever they try to write later fails its lease check).
  bool stop(std::chrono::seconds grace);
  /// Jobs running in this instance now.
  int running() const;

 private:
  void work_loop(const std::string& worker);
  void heartbeat_loop();
  static void record_metrics(const JobOutcome& outcome);

  storage::Store& m_store;
  const JobRunner& m_runner;
  JobBoard& m_board;
  WorkerPoolSettings m_settings;
  const support::Clock& m_clock;
  std::atomic<bool> m_stopping{false};
  std::atomic<bool> m_cancel{false};
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_idle;
  std::map<std::string, std::string> m_running;  // job id -> worker holding it
  std::vector<std::thread> m_threads;
  std::thread m_heartbeat;
  bool m_pending_notice = false;
  bool m_joined = false;
};

}  // namespace server::jobs
