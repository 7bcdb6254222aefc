// The CLI's way through a generation, on the services the composition root builds without a
// worker pool: the job it queued runs in the caller's thread; a job another worker holds is
// watched (store polls on the injected clock) until it ends.
#include "server/service/generation_service.h"

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "server/wiring/services.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace std::chrono_literals;
using core::model::JobStatus;

constexpr const char* kPorto = "geonames:2735943";

struct GenerationServiceTest : ::testing::Test {
  server::support::ManualClock clock;
  narrando::testing::TempDir dir;
  server::wiring::Services services = server::wiring::build_services(
      server::config::from_environment({{"NARRANDO_DB", dir.file("generation.db")}, {"WALKING_NETWORK", "model"}}),
      clock);
  const std::atomic<bool> stopping{false};
};

TEST_F(GenerationServiceTest, WithoutAPoolTheQueuedJobRunsInTheCallersThread) {
  ASSERT_FALSE(services.pool) << "no workers were asked for";
  const auto submitted = services.generation->submit({kPorto, {}, "", {}}, server::config::Role::Editor);
  ASSERT_FALSE(submitted.existing);
  bool joined = false;
  const auto finished = services.generation->run_or_wait(
      submitted.queued.job, "cli-test", 60s, [&](const core::model::Job&) { joined = true; }, stopping);
  EXPECT_FALSE(joined);
  EXPECT_EQ(finished.job.status, JobStatus::Succeeded);
  ASSERT_TRUE(finished.job.result);
  EXPECT_GT(finished.job.result->tours, 0);
  EXPECT_EQ(services.store->find_job(submitted.queued.job.id)->status, JobStatus::Succeeded);
  const auto again = services.generation->submit({kPorto, {}, "", {}}, server::config::Role::Editor);
  ASSERT_TRUE(again.existing) << "the city exists now";
  EXPECT_EQ(again.existing->city.id, finished.job.result->city_id);
}

TEST_F(GenerationServiceTest, AJobAnotherWorkerHoldsIsJoinedAndWatchedToItsEnd) {
  const auto submitted = services.generation->submit({kPorto, {}, "", {}}, server::config::Role::Editor);
  ASSERT_TRUE(services.store->claim_specific_job(submitted.queued.job.id, "other", 60s));
  std::promise<std::string> joined;
  auto finished = std::async(std::launch::async, [&] {
    return services.generation->run_or_wait(
        submitted.queued.job, "cli-test", 60s, [&](const core::model::Job& job) { joined.set_value(job.id); },
        stopping);
  });
  EXPECT_EQ(joined.get_future().get(), submitted.queued.job.id);
  // The other worker gives up on it; the watch reads that from the store once its poll is due.
  services.store->fail_job(submitted.queued.job.id, "other", {"upstream_error", "gone", std::nullopt}, false);
  while (finished.wait_for(0ms) != std::future_status::ready) {
    if (clock.waiters() > 0) clock.advance(server::service::JobWatch::kStorePoll);
    std::this_thread::yield();
  }
  const auto outcome = finished.get();
  EXPECT_EQ(outcome.job.status, JobStatus::Failed);
  ASSERT_TRUE(outcome.job.error);
  EXPECT_EQ(outcome.job.error->code, "upstream_error");
  EXPECT_TRUE(outcome.warnings.empty()) << "warnings come only from a run in this process";
}

}  // namespace
