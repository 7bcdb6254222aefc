// The editors' use cases on a draft, called as the HTTP handlers call them (no HTTP in between).
#include "server/service/draft_service.h"

#include <gtest/gtest.h>

#include "server/errors.h"
#include "server/offline/embedded_catalogue.h"
#include "server/offline/embedded_place_provider.h"
#include "server/offline/heuristic_attraction_filter.h"
#include "server/offline/walking_distance_provider.h"
#include "server/pipeline/pipeline.h"
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
  server::storage::SqlStore store{
      std::make_unique<server::storage::SqliteDatabase>(dir.file("draft.db")), 3, clock};
  server::offline::EmbeddedPlaceProvider places{server::offline::EmbeddedCatalogue::builtin()};
  server::offline::HeuristicAttractionFilter filter;
  server::offline::WalkingDistanceProvider walking;
  server::pipeline::Pipeline pipeline{places, filter, walking};
  server::service::DraftService drafts{store, pipeline, {200, 1}, clock};
  std::string city_id;

  void SetUp() override {
    store.migrate();
    const auto queued = store.enqueue_job("geonames:2735943", {}, "");
    auto job = store.claim_specific_job(queued.job.id, "worker", 30s);
    auto sample = narrando::testing::sample_generation("geonames:2735943");
    sample.trace.job_id = job->id;
    city_id =
        store.save_generation(sample.city, sample.revision, sample.trace, *job, "worker", true)
            .city_id;
  }
};

TEST_F(DraftService, AnEditMakesADraftThatADryRunComparesAndAPublishPublishes) {
  EXPECT_THROW(drafts.publish(city_id, true), core::ConflictError) << "no draft yet";
  const core::model::Revision published = *store.load_revision(city_id, 1);
  const std::string& id = published.attractions.front().id;
  core::edit::AttractionPatch patch;
  patch.name = std::optional<std::string>("Renamed");
  const core::model::Revision draft = drafts.edit_attraction(city_id, id, patch);
  EXPECT_EQ(draft.number, 2);

  const auto preview = drafts.publish(city_id, true);
  EXPECT_EQ(preview.draft_revision, 2);
  EXPECT_FALSE(preview.published);
  ASSERT_EQ(preview.changes.renamed.size(), 1u);
  EXPECT_NE(preview.changes.renamed[0].find("Renamed"), std::string::npos);
  EXPECT_EQ(store.find_city(city_id)->published_revision, 1) << "a dry run publishes nothing";

  const auto done = drafts.publish(city_id, false);
  EXPECT_EQ(done.published, 2);
  EXPECT_EQ(store.find_city(city_id)->published_revision, 2);
  EXPECT_THROW(drafts.publish("no-such-city", true), core::NotFoundError);
}

TEST_F(DraftService, AReplanWritesTheDraftAndReportsItsStages) {
  const auto outcome = drafts.replan(city_id, nlohmann::json::object());
  EXPECT_EQ(outcome.draft.number, 2);
  EXPECT_EQ(store.find_city(city_id)->draft_revision, 2);
  ASSERT_EQ(outcome.spent.stages.size(), 3u);
  EXPECT_EQ(outcome.spent.stages[0].stage, core::model::Stage::Distances);
  EXPECT_EQ(outcome.spent.stages[2].stage, core::model::Stage::Legs);
  EXPECT_EQ(outcome.spent.calls, 0) << "the walking model calls nobody";
  EXPECT_THROW(drafts.replan(city_id, nlohmann::json{{"tours", 0}}), core::InputError);
}

TEST_F(DraftService, AReplanIsRecordedAsARunWithItsTrace) {
  clock.advance(1min);  // after the generation, so the runs list orders them
  const auto outcome = drafts.replan(city_id, nlohmann::json{{"tours", 2}});
  ASSERT_FALSE(outcome.run_id.empty());
  const auto job = store.find_job(outcome.run_id);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->origin, core::model::RevisionOrigin::Replan);
  EXPECT_EQ(job->status, core::model::JobStatus::Succeeded);
  ASSERT_TRUE(job->result);
  EXPECT_EQ(job->result->revision, outcome.draft.number);
  EXPECT_FALSE(job->result->published);
  EXPECT_EQ(job->stages, outcome.spent.stages);
  const auto trace = store.load_run(outcome.run_id);
  ASSERT_TRUE(trace);
  EXPECT_EQ(trace->origin, core::model::RevisionOrigin::Replan);
  EXPECT_EQ(trace->base_revision, 1) << "the published revision was replanned";
  EXPECT_EQ(trace->city.id, city_id);
  EXPECT_EQ(trace->options.tours, 2);
  EXPECT_EQ(trace->tours, outcome.draft.tours);
  EXPECT_EQ(trace->decisions.size(), store.load_revision(city_id, 1)->attractions.size());
  // The runs of the place: the generation first queued, then this replan, newest first.
  const auto runs = store.jobs_of_place("geonames:2735943", 10);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].id, outcome.run_id);
  EXPECT_EQ(runs[1].origin, core::model::RevisionOrigin::Generation);
  const auto counts = store.count_jobs();
  EXPECT_EQ(counts.at(core::model::JobStatus::Succeeded), 1) << "job counts are of generations";
}

// Walking distances whose first `failures` matrix requests fail as a busy service would.
class FlakyDistances : public server::pipeline::DistanceProvider {
 public:
  FlakyDistances(int failures, bool retryable) : m_failures(failures), m_retryable(retryable) {}
  std::string describe(const core::model::GenerationOptions& options) const override {
    return m_walking.describe(options);
  }
  core::algo::TravelMatrix matrix(const core::model::City& city,
                                  const std::vector<core::model::GeoPoint>& points,
                                  const core::model::GenerationOptions& options,
                                  server::pipeline::RunContext& context) override {
    if (m_failures-- > 0)
      throw server::UpstreamError("routes", 503, "routes answered 503", m_retryable);
    return m_walking.matrix(city, points, options, context);
  }
  void legs(const core::model::City& city,
            std::vector<core::model::Tour>& tours,
            const core::model::GenerationOptions& options,
            server::pipeline::RunContext& context) override {
    m_walking.legs(city, tours, options, context);
  }

 private:
  server::offline::WalkingDistanceProvider m_walking;
  int m_failures;
  bool m_retryable;
};

TEST_F(DraftService, AReplanStageIsRetriedAsAGenerationsIs) {
  FlakyDistances flaky(1, true);
  const server::pipeline::Pipeline retrying(
      places, filter, flaky, {2, std::chrono::milliseconds(0)});
  const server::service::DraftService service(store, retrying, {200, 1}, clock);
  const auto outcome = service.replan(city_id, nlohmann::json::object());
  ASSERT_EQ(outcome.spent.stages.size(), 3u);
  EXPECT_NE(outcome.spent.stages[0].note.find("attempt 1 failed: routes answered 503"),
            std::string::npos)
      << outcome.spent.stages[0].note;
  EXPECT_EQ(store.find_city(city_id)->draft_revision, outcome.draft.number)
      << "the retried run wrote its draft";
}

TEST_F(DraftService, AFailedReplanWritesNeitherDraftNorRun) {
  FlakyDistances failing(1, false);
  const server::pipeline::Pipeline pipeline_failing(
      places, filter, failing, {2, std::chrono::milliseconds(0)});
  const server::service::DraftService service(store, pipeline_failing, {200, 1}, clock);
  EXPECT_THROW(service.replan(city_id, nlohmann::json::object()), server::UpstreamError);
  EXPECT_FALSE(store.find_city(city_id)->draft_revision);
  EXPECT_EQ(store.jobs_of_place("geonames:2735943", 10).size(), 1u) << "only the generation";
}

}  // namespace
