// One job watch for the generate wait window, the job's events and the CLI: news from the board
// at once, from the store (another instance's job) once its poll is due on the injected clock.
#include "server/service/job_watch.h"

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "server/storage/sql_store.h"
#include "server/storage/sqlite_database.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace std::chrono_literals;
using core::model::JobStatus;
using server::service::JobWatch;

struct JobWatchTest : ::testing::Test {
  server::support::ManualClock clock;
  narrando::testing::TempDir dir;
  server::storage::SqlStore store{
      std::make_unique<server::storage::SqliteDatabase>(dir.file("watch.db")), 3, clock};
  server::jobs::JobBoard board{clock};
  core::model::Job queued;

  void SetUp() override {
    store.migrate();
    queued = store.enqueue_job("geonames:2735943", {}, "").job;
  }
  void wait_for_waiter() {
    while (clock.waiters() < 1) std::this_thread::yield();
  }
};

TEST_F(JobWatchTest, ABoardPostIsNewsAtOnce) {
  JobWatch watch(&board, store, clock, queued);
  auto changed = std::async(std::launch::async, [&] { return watch.wait_for_change(400ms); });
  wait_for_waiter();
  core::model::Job running = queued;
  running.status = JobStatus::Running;
  running.progress = 0.5;
  board.post(running);
  ASSERT_EQ(changed.wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(changed.get());
  EXPECT_EQ(watch.job().status, JobStatus::Running);
  EXPECT_EQ(watch.job().progress, 0.5);
}

TEST_F(JobWatchTest, AJobRunElsewhereIsReadFromTheStoreWhenItsPollIsDue) {
  JobWatch watch(nullptr, store, clock, queued);  // the CLI: no board in this process
  ASSERT_TRUE(store.claim_specific_job(queued.id, "elsewhere", 60s));
  auto changed = std::async(std::launch::async, [&] { return watch.wait_for_change(10s); });
  wait_for_waiter();
  EXPECT_EQ(changed.wait_for(100ms), std::future_status::timeout)
      << "the store is not read before its poll";
  clock.advance(JobWatch::kStorePoll);
  ASSERT_EQ(changed.wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(changed.get());
  EXPECT_EQ(watch.job().status, JobStatus::Running);
}

TEST_F(JobWatchTest, TheWaitEndsWithTheJobOrTheWindowOrAShutdown) {
  std::atomic<bool> stopping{false};
  JobWatch finishing(&board, store, clock, queued);
  auto ended =
      std::async(std::launch::async, [&] { return finishing.wait_until_finished(60s, stopping); });
  wait_for_waiter();
  core::model::Job failed = queued;
  failed.status = JobStatus::Failed;
  board.post(failed);
  ASSERT_EQ(ended.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(ended.get().status, JobStatus::Failed);

  const auto other = store.enqueue_job("geonames:3117735", {}, "").job;
  JobWatch waiting(&board, store, clock, other);
  auto window = std::async(std::launch::async,
                           [&] { return waiting.wait_until_finished(2s, stopping).status; });
  for (int step = 0; step < 3 && window.wait_for(50ms) != std::future_status::ready; ++step) {
    wait_for_waiter();
    clock.advance(1s);
  }
  ASSERT_EQ(window.wait_for(10s), std::future_status::ready) << "2 s of the clock end the window";
  EXPECT_EQ(window.get(), JobStatus::Queued);

  stopping = true;
  EXPECT_EQ(waiting.wait_until_finished(1h, stopping).status, JobStatus::Queued)
      << "a shutdown answers at once";
}

}  // namespace
