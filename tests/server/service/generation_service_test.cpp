// Submitting a generation: a city generated before is answered as it is, even when its job ends
// between the service's existence check and the enqueue (the race bench/load.sh found: 28 jobs
// for 18 places).
#include "server/service/generation_service.h"

#include <gtest/gtest.h>

#include "server/offline/embedded_place_provider.h"
#include "server/storage/sql_store.h"
#include "server/storage/sqlite_database.h"
#include "tests/server/storage/store_fixture.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace std::chrono_literals;
using core::model::JobStatus;

constexpr const char* kPorto = "geonames:2735943";

/// A store whose existence check by place is always stale: it runs before the place's job ended.
class StaleCheckStore : public server::storage::SqlStore {
 public:
  using SqlStore::SqlStore;
  std::optional<core::model::City> find_city_by_place(const std::string&) override { return std::nullopt; }
};

struct GenerationServiceTest : ::testing::Test {
  server::support::ManualClock clock;
  narrando::testing::TempDir dir;
  StaleCheckStore store{std::make_unique<server::storage::SqliteDatabase>(dir.file("generate.db")), 3, clock};
  server::offline::EmbeddedPlaceProvider places{server::offline::EmbeddedCatalogue::builtin()};
  server::service::GenerationService service{store, places, nullptr, nullptr, clock};
  std::string city_id;
  int admitted = 0;
  std::vector<std::pair<std::string, bool>> queued;

  void SetUp() override {
    store.migrate();
    const auto job = store.enqueue_job(kPorto, {}, "");
    auto running = store.claim_specific_job(job.job.id, "worker", 30s);
    auto sample = narrando::testing::sample_generation(kPorto);
    sample.trace.job_id = running->id;
    city_id = store.save_generation(sample.city, sample.revision, sample.trace, *running, "worker", true).city_id;
  }

  server::service::GenerateCall call(bool force) {
    server::service::GenerateCall c{kPorto, {}, "", {}};
    c.options.force = force;
    c.admission.admit = [this] { ++admitted; };
    c.admission.queued = [this](const std::string& job_id, bool joined) { queued.emplace_back(job_id, joined); };
    return c;
  }
};

TEST_F(GenerationServiceTest, AJobEndingAfterTheCheckIsAnsweredWithItsCityAndQueuesNothing) {
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

TEST_F(GenerationServiceTest, AForcedCallQueuesANewGenerationOfAPlaceWithACity) {
  const auto submission = service.submit(call(true), server::config::Role::Editor);
  EXPECT_FALSE(submission.existing);
  EXPECT_FALSE(submission.queued.joined);
  EXPECT_EQ(submission.queued.job.status, JobStatus::Queued);
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued.front().first, submission.queued.job.id);
}

}  // namespace
