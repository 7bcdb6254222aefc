#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "server/jobs/job_board.h"
#include "server/storage/store.h"
#include "server/support/clock.h"
#include "shared/model/job.h"

namespace server::service {

/// Follows one job until it ends: news from the in-process board as it is posted, and from the
/// store now and then for a job that another instance (or process) runs. The generate wait
/// window, the job's server-sent events and the CLI's wait for a joined job all watch with it.
class JobWatch {
 public:
  /// How often the store is read while the board has no news.
  static constexpr std::chrono::milliseconds kStorePoll{500};

  /// Watches `job` (its state as the caller has it). `board` may be null (no worker in this
  /// process: the store alone tells). `board`, `store` and `clock` must outlive the watch.
  JobWatch(const jobs::JobBoard* board,
           storage::Store& store,
           const support::Clock& clock,
           core::model::Job job);

  /// The job as last seen.
  const core::model::Job& job() const { return m_job; }
  /// True once the job has ended (succeeded or failed).
  bool finished() const { return core::model::finished(m_job.status); }

  /// Waits up to `slice` (of the clock's time) for news of the job; true when its state changed
  /// (job() has the new one).
  bool wait_for_change(std::chrono::milliseconds slice);

  /// Waits until the job ends, `window` passes or `stopping` is set; returns the job as last seen.
  const core::model::Job& wait_until_finished(std::chrono::milliseconds window,
                                              const std::atomic<bool>& stopping);

 private:
  bool take(const core::model::Job& job);

  const jobs::JobBoard* m_board;
  storage::Store& m_store;
  const support::Clock& m_clock;
  core::model::Job m_job;
  std::uint64_t m_seen = 0;
  support::Clock::SteadyTime m_next_store_read;
};

}  // namespace server::service
