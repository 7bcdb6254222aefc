// Generating a city through the service: the CLI's way (the job it queued runs in the caller's
// thread; a job another worker holds is watched, store polls on the injected clock, until it
// ends), and submit's answer for a city generated before, even when its job ends between the
// existence check and the enqueue (the race bench/load.sh found: 28 jobs for 18 places).
#include "server/service/generation_service.h"

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "server/offline/embedded_place_provider.h"
#include "server/storage/sql_store.h"
#include "server/storage/sqlite_database.h"
#include "server/wiring/services.h"
#include "tests/server/storage/store_fixture.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace std::chrono_literals;
using core::model::JobStatus;

constexpr const char* kPorto = "geonames:2735943";

struct GenerationServiceTest : ::testing::Test {
  server::support::ManualClock clock;
  narrando::testing::TempDir dir;
  server::wiring::Services services = server::wiring::build_services(
      server::config::from_environment(
          {{"NARRANDO_DB", dir.file("generation.db")}, {"WALKING_NETWORK", "model"}}),
      clock);
  const std::atomic<bool> stopping{false};
};

TEST_F(GenerationServiceTest, WithoutAPoolTheQueuedJobRunsInTheCallersThread) {
  ASSERT_FALSE(services.pool) << "no workers were asked for";
  const auto submitted =
      services.generation->submit({kPorto, {}, "", {}}, server::config::Role::Editor);
  ASSERT_FALSE(submitted.existing);
  bool joined = false;
  const auto finished = services.generation->run_or_wait(
      submitted.queued.job,
      "cli-test",
      60s,
      [&](const core::model::Job&) { joined = true; },
      stopping);
  EXPECT_FALSE(joined);
  EXPECT_EQ(finished.job.status, JobStatus::Succeeded);
  ASSERT_TRUE(finished.job.result);
  EXPECT_GT(finished.job.result->tours, 0);
  EXPECT_EQ(services.store->find_job(submitted.queued.job.id)->status, JobStatus::Succeeded);
  const auto again =
      services.generation->submit({kPorto, {}, "", {}}, server::config::Role::Editor);
  ASSERT_TRUE(again.existing) << "the city exists now";
  EXPECT_EQ(again.existing->city.id, finished.job.result->city_id);
}

TEST_F(GenerationServiceTest, AJobAnotherWorkerHoldsIsJoinedAndWatchedToItsEnd) {
  const auto submitted =
      services.generation->submit({kPorto, {}, "", {}}, server::config::Role::Editor);
  ASSERT_TRUE(services.store->claim_specific_job(submitted.queued.job.id, "other", 60s));
  std::promise<std::string> joined;
  auto finished = std::async(std::launch::async, [&] {
    return services.generation->run_or_wait(
        submitted.queued.job,
        "cli-test",
        60s,
        [&](const core::model::Job& job) { joined.set_value(job.id); },
        stopping);
  });
  EXPECT_EQ(joined.get_future().get(), submitted.queued.job.id);
  // The other worker gives up on it; the watch reads that from the store once its poll is due.
  services.store->fail_job(
      submitted.queued.job.id, "other", {"upstream_error", "gone", std::nullopt}, false);
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

/// A store whose existence check by place is always stale: it runs before the place's job ended.
class StaleCheckStore : public server::storage::SqlStore {
 public:
  using SqlStore::SqlStore;
  std::optional<core::model::City> find_city_by_place(const std::string&) override {
    return std::nullopt;
  }
};

struct GenerationSubmitTest : ::testing::Test {
  server::support::ManualClock clock;
  narrando::testing::TempDir dir;
  StaleCheckStore store{
      std::make_unique<server::storage::SqliteDatabase>(dir.file("generate.db")), 3, clock};
  server::offline::EmbeddedPlaceProvider places{server::offline::EmbeddedCatalogue::builtin()};
  server::service::GenerationService service{store, places, nullptr, nullptr, nullptr, clock};
  std::string city_id;
  int admitted = 0;
  std::vector<std::pair<std::string, bool>> queued;

  void SetUp() override {
    store.migrate();
    const auto job = store.enqueue_job(kPorto, {}, "");
    auto running = store.claim_specific_job(job.job.id, "worker", 30s);
    auto sample = narrando::testing::sample_generation(kPorto);
    sample.trace.job_id = running->id;
    city_id =
        store.save_generation(sample.city, sample.revision, sample.trace, *running, "worker", true)
            .city_id;
  }

  server::service::GenerateCall call(bool force) {
    server::service::GenerateCall c{kPorto, {}, "", {}};
    c.options.force = force;
    c.admission.admit = [this] { ++admitted; };
    c.admission.queued = [this](const std::string& job_id, bool joined) {
      queued.emplace_back(job_id, joined);
    };
    return c;
  }
};

TEST_F(GenerationSubmitTest, AJobEndingAfterTheCheckIsAnsweredWithItsCityAndQueuesNothing) {
  const auto submission = service.submit(call(false), server::config::Role::App);
  ASSERT_TRUE(submission.existing);
  EXPECT_EQ(submission.existing->city.id, city_id);
  ASSERT_TRUE(submission.existing->revision);
  EXPECT_EQ(submission.existing->revision->number, 1);
  EXPECT_EQ(store.count_jobs().at(JobStatus::Queued), 0);
  EXPECT_EQ(store.count_jobs().at(JobStatus::Succeeded), 1);
  EXPECT_EQ(admitted, 1) << "the bounds ran: new work looked likely";
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_TRUE(queued.front().second) << "the reservation is given back as for a joined job";
}

TEST_F(GenerationSubmitTest, AForcedCallQueuesANewGenerationOfAPlaceWithACity) {
  const auto submission = service.submit(call(true), server::config::Role::Editor);
  EXPECT_FALSE(submission.existing);
  EXPECT_FALSE(submission.queued.joined);
  EXPECT_EQ(submission.queued.job.status, JobStatus::Queued);
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued.front().first, submission.queued.job.id);
}

}  // namespace
