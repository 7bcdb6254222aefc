#include "server/jobs/worker_pool.h"

#include "server/support/log.h"
#include "server/support/metrics.h"
#include "server/support/worker_id.h"
#include "shared/json/model_json.h"

namespace server::jobs {

WorkerPool::WorkerPool(storage::Store& store,
                       const JobRunner& runner,
                       JobBoard& board,
                       WorkerPoolSettings settings,
                       const support::Clock& clock)
    : m_store(store), m_runner(runner), m_board(board), m_settings(settings), m_clock(clock) {}

WorkerPool::~WorkerPool() {
  if (!stop(std::chrono::seconds(0))) {
    // Threads blocked in a call cannot be joined; the process is about to end anyway.
    for (std::thread& thread : m_threads) thread.detach();
    if (m_heartbeat.joinable()) m_heartbeat.detach();
  }
}

void WorkerPool::start() {
  const std::string base = support::worker_id("worker");
  for (int i = 0; i < m_settings.threads; ++i) {
    m_threads.emplace_back([this, worker = base + "-" + std::to_string(i)] { work_loop(worker); });
  }
  m_heartbeat = std::thread([this] { heartbeat_loop(); });
}

void WorkerPool::notify() {
  {
    std::lock_guard lock(m_mutex);
    m_pending_notice = true;
  }
  m_wake.notify_one();
}

bool WorkerPool::stop(std::chrono::seconds grace) {
  // How long stopped jobs get to reach their next stage before the pool gives up on them.
  constexpr std::chrono::seconds kLateStop{3};
  if (m_stopping.exchange(true)) return m_joined;
  {
    std::unique_lock lock(m_mutex);
    m_wake.notify_all();
    if (!m_clock.wait_for(m_idle, lock, grace, [&] { return m_running.empty(); })) {
      support::log(support::LogLevel::Warn,
                   "shutdown grace over: re-queueing running jobs",
                   {{"jobs", m_running.size()}});
      m_cancel = true;
      const auto running = m_running;
      lock.unlock();
      for (const auto& [job_id, worker] : running) {
        try {
          m_store.release_job(job_id, worker);
        } catch (const std::exception& e) {
          support::log(support::LogLevel::Error,
                       "could not re-queue a job; its lease will expire",
                       {{"job_id", job_id}, {"error", e.what()}});
        }
      }
      lock.lock();
      if (!m_clock.wait_for(m_idle, lock, kLateStop, [&] { return m_running.empty(); }))
        return false;
    }
  }
  m_wake.notify_all();
  for (std::thread& thread : m_threads) thread.join();
  m_threads.clear();
  if (m_heartbeat.joinable()) m_heartbeat.join();
  m_board.wake_all();
  m_joined = true;
  return true;
}

int WorkerPool::running() const {
  std::lock_guard lock(m_mutex);
  return static_cast<int>(m_running.size());
}

void WorkerPool::work_loop(const std::string& worker) {
  while (!m_stopping) {
    std::optional<core::model::Job> job;
    try {
      job = m_store.claim_job(worker, m_settings.lease);
    } catch (const std::exception& e) {
      support::log(
          support::LogLevel::Error, "cannot claim jobs", {{"worker", worker}, {"error", e.what()}});
    }
    if (!job) {
      std::unique_lock lock(m_mutex);
      m_clock.wait_for(
          m_wake, lock, m_settings.poll, [&] { return m_stopping || m_pending_notice; });
      m_pending_notice = false;
      continue;
    }
    {
      std::lock_guard lock(m_mutex);
      m_running[job->id] = worker;
    }
    m_board.post(*job);
    support::log(support::LogLevel::Info,
                 "job started",
                 {{"job_id", job->id}, {"place_id", job->place_id}, {"attempt", job->attempts}});
    const auto started = std::chrono::steady_clock::now();  // a measurement, in real time
    const JobOutcome outcome =
        m_runner.run(*job, worker, {&m_cancel, [this](const auto& j) { m_board.post(j); }});
    support::log(
        outcome.job.status == core::model::JobStatus::Failed ? support::LogLevel::Warn
                                                             : support::LogLevel::Info,
        "job ended",
        {{"job_id", outcome.job.id},
         {"status", to_string(outcome.job.status)},
         {"seconds",
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()},
         {"error", outcome.job.error ? outcome.job.error->message : ""},
         {"lease_lost", outcome.lease_lost},
         {"requeued", outcome.cancelled}});
    record_metrics(outcome);
    {
      std::lock_guard lock(m_mutex);
      m_running.erase(job->id);
    }
    m_idle.notify_all();
  }
}

void WorkerPool::record_metrics(const JobOutcome& outcome) {
  support::Metrics& metrics = support::Metrics::global();
  if (outcome.cancelled || outcome.job.status == core::model::JobStatus::Queued) {
    metrics.count_job_end("requeued");
  } else if (outcome.lease_lost) {
    metrics.count_job_end("lease_lost");
  } else {
    metrics.count_job_end(to_string(outcome.job.status));
  }
}

void WorkerPool::heartbeat_loop() {
  const auto period =
      std::max(std::chrono::milliseconds(200), std::chrono::milliseconds(m_settings.lease) / 3);
  std::unique_lock lock(m_mutex);
  while (!m_stopping || !m_running.empty()) {
    m_clock.wait_for(m_wake, lock, period, [&] { return m_stopping && m_running.empty(); });
    if (m_stopping && m_running.empty()) break;
    const auto running = m_running;
    lock.unlock();
    for (const auto& [job_id, worker] : running) {
      try {
        m_store.renew_lease(job_id, worker, m_settings.lease);
      } catch (const std::exception& e) {
        support::log(support::LogLevel::Warn,
                     "lease renewal failed",
                     {{"job_id", job_id}, {"error", e.what()}});
      }
    }
    lock.lock();
  }
}

}  // namespace server::jobs
