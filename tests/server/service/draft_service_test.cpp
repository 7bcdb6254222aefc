// The editors' use cases on a draft, called as the HTTP handlers call them (no HTTP in between).
#include "server/service/draft_service.h"

#include <gtest/gtest.h>

#include "server/offline/walking_distance_provider.h"
#include "server/storage/sql_store.h"
#include "server/storage/sqlite_database.h"
#include "shared/errors.h"
#include "tests/server/storage/store_fixture.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace std::chrono_literals;

struct DraftService : ::testing::Test {
  server::support::ManualClock clock;
  narrando::testing::TempDir dir;
  server::storage::SqlStore store{std::make_unique<server::storage::SqliteDatabase>(dir.file("draft.db")), 3, clock};
  std::string city_id;

  void SetUp() override {
    store.migrate();
    const auto queued = store.enqueue_job("geonames:2735943", {}, "");
    auto job = store.claim_specific_job(queued.job.id, "worker", 30s);
    auto sample = narrando::testing::sample_generation("geonames:2735943");
    sample.trace.job_id = job->id;
    city_id = store.save_generation(sample.city, sample.revision, sample.trace, *job, "worker", true).city_id;
  }
};

TEST_F(DraftService, AnEditMakesADraftThatADryRunComparesAndAPublishPublishes) {
  EXPECT_THROW(server::service::publish(store, city_id, true), core::ConflictError) << "no draft yet";
  const core::model::Revision published = *store.load_revision(city_id, 1);
  const std::string& id = published.attractions.front().id;
  core::edit::AttractionPatch patch;
  patch.name = std::optional<std::string>("Renamed");
  const core::model::Revision draft = server::service::edit_attraction(store, city_id, id, patch);
  EXPECT_EQ(draft.number, 2);

  const auto preview = server::service::publish(store, city_id, true);
  EXPECT_EQ(preview.draft_revision, 2);
  EXPECT_FALSE(preview.published);
  ASSERT_EQ(preview.changes.renamed.size(), 1u);
  EXPECT_NE(preview.changes.renamed[0].find("Renamed"), std::string::npos);
  EXPECT_EQ(store.find_city(city_id)->published_revision, 1) << "a dry run publishes nothing";

  const auto done = server::service::publish(store, city_id, false);
  EXPECT_EQ(done.published, 2);
  EXPECT_EQ(store.find_city(city_id)->published_revision, 2);
  EXPECT_THROW(server::service::publish(store, "no-such-city", true), core::NotFoundError);
}

TEST_F(DraftService, AReplanWritesTheDraftAndReportsItsStages) {
  server::offline::WalkingDistanceProvider walking;
  const auto outcome = server::service::replan(store, walking, city_id, nlohmann::json::object(), 200);
  EXPECT_EQ(outcome.draft.number, 2);
  EXPECT_EQ(store.find_city(city_id)->draft_revision, 2);
  ASSERT_EQ(outcome.spent.stages.size(), 3u);
  EXPECT_EQ(outcome.spent.stages[0].stage, core::model::Stage::Distances);
  EXPECT_EQ(outcome.spent.stages[2].stage, core::model::Stage::Legs);
  EXPECT_EQ(outcome.spent.calls, 0) << "the walking model calls nobody";
  EXPECT_THROW(server::service::replan(store, walking, city_id, nlohmann::json{{"tours", 0}}, 200), core::InputError);
}

}  // namespace
