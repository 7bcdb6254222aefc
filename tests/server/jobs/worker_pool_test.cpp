// The worker pool and the job board wait on the injected clock: a test moves time, and they act.
#include "server/jobs/worker_pool.h"

#include <gtest/gtest.h>

#include <future>

#include "server/offline/embedded_catalogue.h"
#include "server/offline/embedded_place_provider.h"
#include "server/offline/heuristic_attraction_filter.h"
#include "server/offline/walking_distance_provider.h"
#include "server/storage/sql_store.h"
#include "server/storage/sqlite_database.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace std::chrono_literals;
using core::model::JobStatus;

// Polls `done` in real time for up to 10 s (the work itself takes real time).
bool eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

struct OfflineWorkers : ::testing::Test {
  server::support::ManualClock clock;
  narrando::testing::TempDir dir;
  server::storage::SqlStore store{
      std::make_unique<server::storage::SqliteDatabase>(dir.file("pool.db")), 3, clock};
  server::offline::EmbeddedPlaceProvider places{server::offline::EmbeddedCatalogue::builtin()};
  server::offline::HeuristicAttractionFilter filter;
  server::offline::WalkingDistanceProvider distances;
  server::pipeline::Pipeline pipeline{places, filter, distances};
  server::jobs::JobRunner runner{store, pipeline, {}};
  server::jobs::JobBoard board{clock};

  void SetUp() override { store.migrate(); }
};

TEST_F(OfflineWorkers, AnIdleWorkerLooksForJobsQueuedElsewhereEachPollOfItsClock) {
  server::jobs::WorkerPool pool(store, runner, board, {1, 60s, 1s}, clock);
  pool.start();
  while (clock.waiters() < 2)
    std::this_thread::yield();  // the worker found nothing; the heartbeat waits
  // Queued by another instance: nobody notifies this pool.
  const auto queued = store.enqueue_job("geonames:2735943", {}, "");
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(store.find_job(queued.job.id)->status, JobStatus::Queued)
      << "the poll interval has not passed";
  clock.advance(1s);
  EXPECT_TRUE(
      eventually([&] { return store.find_job(queued.job.id)->status == JobStatus::Succeeded; }));
  EXPECT_TRUE(pool.stop(0s));
}

TEST_F(OfflineWorkers, ANoticeWakesAnIdleWorkerAtOnce) {
  server::jobs::WorkerPool pool(store, runner, board, {1, 60s, 1h}, clock);
  pool.start();
  const auto queued = store.enqueue_job("geonames:2735943", {}, "");
  pool.notify();
  EXPECT_TRUE(
      eventually([&] { return store.find_job(queued.job.id)->status == JobStatus::Succeeded; }));
  EXPECT_TRUE(pool.stop(0s));
}

TEST_F(OfflineWorkers, TheBoardsWaitEndsWithANewPostOrWhenItsClockRunsOut) {
  core::model::Job job;
  job.id = "job-1";
  board.post(job);
  const std::uint64_t seen = board.latest("job-1")->version;
  auto timed_out =
      std::async(std::launch::async, [&] { return board.wait_newer("job-1", seen, 5s)->version; });
  EXPECT_EQ(timed_out.wait_for(50ms), std::future_status::timeout);
  clock.advance(5s);
  ASSERT_EQ(timed_out.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(timed_out.get(), seen) << "nothing new";
  auto posted =
      std::async(std::launch::async, [&] { return board.wait_newer("job-1", seen, 1h)->version; });
  while (clock.waiters() == 0) std::this_thread::yield();
  job.status = JobStatus::Running;
  board.post(job);
  ASSERT_EQ(posted.wait_for(5s), std::future_status::ready);
  EXPECT_GT(posted.get(), seen);
}

}  // namespace
