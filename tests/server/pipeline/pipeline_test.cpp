#include <gtest/gtest.h>

#include <algorithm>

#include "server/errors.h"
#include "server/jobs/job_runner.h"
#include "server/offline/embedded_catalogue.h"
#include "server/offline/embedded_place_provider.h"
#include "server/offline/heuristic_attraction_filter.h"
#include "server/offline/walking_distance_provider.h"
#include "server/pipeline/pipeline.h"
#include "server/storage/sql_store.h"
#include "server/storage/sqlite_database.h"
#include "tests/fakes/flaky_place_provider.h"
#include "tests/support/temp_dir.h"

namespace {

using server::pipeline::Pipeline;

constexpr const char* kPorto = "geonames:2735943";

struct Offline {
  server::offline::EmbeddedPlaceProvider places{server::offline::EmbeddedCatalogue::builtin()};
  server::offline::HeuristicAttractionFilter filter;
  server::offline::WalkingDistanceProvider distances;
};

TEST(Pipeline, RecordsEveryStageInOrderWithTheTrace) {
  Offline offline;
  const Pipeline pipeline(offline.places, offline.filter, offline.distances);
  server::pipeline::RunContext context;
  using core::model::Stage;
  std::vector<Stage> progress;
  std::vector<double> shares;
  context.on_progress = [&](Stage stage, double share) {
    progress.push_back(stage);
    shares.push_back(share);
  };
  const auto result = pipeline.run({"job-1", kPorto, {}}, std::nullopt, context);
  const std::vector<Stage> expected{
      Stage::City, Stage::Attractions, Stage::Filter, Stage::Distances, Stage::Plan, Stage::Legs};
  EXPECT_EQ(progress, expected);
  EXPECT_DOUBLE_EQ(shares.front(), 0.0);
  EXPECT_DOUBLE_EQ(shares.back(), 5.0 / 7.0) << "legs starts after 5 of the 7 stages";
  ASSERT_EQ(result.trace.stages.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(result.trace.stages[i].stage, expected[i]);
  EXPECT_EQ(result.trace.places_source, core::model::PlaceSource::Embedded);
  EXPECT_EQ(result.trace.filter_used, "heuristic");
  EXPECT_EQ(result.trace.distance_policy, "walking model: straight line x 1.30 at 4.5 km/h");
  EXPECT_EQ(result.trace.candidates.size(), result.trace.decisions.size());
  EXPECT_EQ(result.revision.tours.size(), 4u);
  EXPECT_EQ(result.trace.tours, result.revision.tours);
  EXPECT_EQ(result.city.name, "Porto");
  // People read included stops first, best first.
  const auto& attractions = result.revision.attractions;
  EXPECT_TRUE(std::is_partitioned(attractions.begin(), attractions.end(), [](const auto& a) {
    return core::model::effective_included(a);
  }));
}

TEST(Pipeline, CarriesEditorFieldsOfThePreviousRevision) {
  Offline offline;
  const Pipeline pipeline(offline.places, offline.filter, offline.distances);
  server::pipeline::RunContext context;
  auto first = pipeline.run({"job-1", kPorto, {}}, std::nullopt, context);
  auto& chosen = first.revision.attractions.front();
  chosen.editor.included = false;
  chosen.editor.name = "Editor's name";
  const std::string chosen_id = chosen.id;
  const auto second = pipeline.run({"job-2", kPorto, {}}, first.revision, context);
  const auto it = std::find_if(second.revision.attractions.begin(),
                               second.revision.attractions.end(),
                               [&](const auto& a) { return a.id == chosen_id; });
  ASSERT_NE(it, second.revision.attractions.end());
  EXPECT_EQ(it->editor.name, "Editor's name");
  for (const auto& tour : second.revision.tours) {
    for (const auto& stop : tour.stops)
      EXPECT_NE(stop.attraction_id, chosen_id) << "excluded by the editor";
  }
}

TEST(Pipeline, RetriesARetryableStageFailureAndNotesIt) {
  Offline offline;
  narrando::testing::FlakyPlaceProvider flaky(offline.places, 1, true);
  const Pipeline pipeline(
      flaky, offline.filter, offline.distances, {2, std::chrono::milliseconds(1)});
  server::pipeline::RunContext context;
  const auto result = pipeline.run({"job-1", kPorto, {}}, std::nullopt, context);
  EXPECT_NE(result.trace.stages.front().note.find("attempt 1 failed: places answered 503"),
            std::string::npos)
      << result.trace.stages.front().note;
}

TEST(Pipeline, GivesUpAfterItsAttemptsAndOnPermanentErrors) {
  Offline offline;
  narrando::testing::FlakyPlaceProvider always(offline.places, 100, true);
  const Pipeline retrying(
      always, offline.filter, offline.distances, {2, std::chrono::milliseconds(1)});
  server::pipeline::RunContext context;
  EXPECT_THROW(retrying.run({"job-1", kPorto, {}}, std::nullopt, context), server::UpstreamError);
  narrando::testing::FlakyPlaceProvider forbidden(offline.places, 1, false);
  const Pipeline permanent(
      forbidden, offline.filter, offline.distances, {3, std::chrono::milliseconds(1)});
  EXPECT_THROW(permanent.run({"job-1", kPorto, {}}, std::nullopt, context), server::UpstreamError);
  EXPECT_NO_THROW(permanent.run({"job-2", kPorto, {}}, std::nullopt, context))
      << "it failed only once";
}

TEST(Pipeline, StopsBeforeTheNextStageWhenCancelled) {
  Offline offline;
  const Pipeline pipeline(offline.places, offline.filter, offline.distances);
  std::atomic<bool> cancel{true};
  server::pipeline::RunContext context;
  context.cancel = &cancel;
  EXPECT_THROW(pipeline.run({"job-1", kPorto, {}}, std::nullopt, context), server::CancelledError);
}

class JobRunnerTest : public ::testing::Test {
 protected:
  JobRunnerTest()
      : store(std::make_unique<server::storage::SqliteDatabase>(dir.file("runner.db"))) {
    store.migrate();
  }
  narrando::testing::TempDir dir;
  server::storage::SqlStore store;
  Offline offline;
};

TEST_F(JobRunnerTest, StoresASucceededJobWithItsResult) {
  const Pipeline pipeline(offline.places, offline.filter, offline.distances);
  const server::jobs::JobRunner runner(store, pipeline, {});
  const auto queued = store.enqueue_job(kPorto, {}, "");
  std::vector<std::optional<core::model::Stage>> stages;
  const auto outcome =
      runner.run(*store.claim_job("w", std::chrono::seconds(30)),
                 "w",
                 {nullptr, [&](const core::model::Job& job) { stages.push_back(job.stage); }});
  EXPECT_EQ(outcome.job.status, core::model::JobStatus::Succeeded);
  ASSERT_TRUE(outcome.job.result);
  EXPECT_EQ(outcome.job.result->tours, 4);
  EXPECT_TRUE(outcome.job.result->published);
  EXPECT_EQ(outcome.job.stages.size(), 6u);
  EXPECT_EQ(stages.front(), core::model::Stage::City);
  EXPECT_TRUE(store.find_city(outcome.job.result->city_id));
  EXPECT_TRUE(store.load_run(queued.job.id));
}

TEST_F(JobRunnerTest, RecordsAPermanentFailureAndWritesNoCity) {
  narrando::testing::FlakyPlaceProvider forbidden(offline.places, 10, false);
  const Pipeline pipeline(forbidden, offline.filter, offline.distances);
  const server::jobs::JobRunner runner(store, pipeline, {});
  store.enqueue_job(kPorto, {}, "");
  const auto outcome = runner.run(*store.claim_job("w", std::chrono::seconds(30)), "w");
  EXPECT_EQ(outcome.job.status, core::model::JobStatus::Failed);
  ASSERT_TRUE(outcome.job.error);
  EXPECT_EQ(outcome.job.error->code, "upstream_error");
  EXPECT_EQ(outcome.job.error->stage, core::model::Stage::City);
  EXPECT_NE(outcome.job.error->message.find("403"), std::string::npos);
  EXPECT_FALSE(store.find_city_by_place(kPorto));
}

TEST_F(JobRunnerTest, RequeuesARetryableFailureWhileAttemptsRemain) {
  narrando::testing::FlakyPlaceProvider flaky(offline.places, 2, true);
  const Pipeline pipeline(
      flaky, offline.filter, offline.distances, {1, std::chrono::milliseconds(1)});
  const server::jobs::JobRunner runner(store, pipeline, {});
  store.enqueue_job(kPorto, {}, "");
  auto first = runner.run(*store.claim_job("w", std::chrono::seconds(30)), "w");
  EXPECT_EQ(first.job.status, core::model::JobStatus::Queued);
  EXPECT_EQ(first.job.error->code, "upstream_error");
  auto second = runner.run(*store.claim_job("w", std::chrono::seconds(30)), "w");
  EXPECT_EQ(second.job.status, core::model::JobStatus::Queued);
  auto third = runner.run(*store.claim_job("w", std::chrono::seconds(30)), "w");
  EXPECT_EQ(third.job.status, core::model::JobStatus::Succeeded) << "the third attempt passes";
  EXPECT_EQ(third.job.attempts, 3);
}

}  // namespace
