#include "console/state/app_state.h"

#include <gtest/gtest.h>

#include "tests/console/fixtures.h"

namespace {

using namespace console::state;

CityReply city_reply(int revision_number) {
  CityReply reply;
  reply.city.id = "city-1";
  reply.city.name = "Porto";
  reply.city.published_revision = 1;
  reply.city.draft_revision = revision_number;
  reply.revision = console::testing::sample_revision();
  reply.revision.number = revision_number;
  return reply;
}

template <class T>
bool has(const std::vector<Command>& commands) {
  return std::any_of(commands.begin(), commands.end(), [](const Command& c) { return std::holds_alternative<T>(c); });
}

TEST(ApplyReply, ACityFillsTheDraftsAndAsksForItsRuns) {
  AppState state;
  CommandSink sink;
  state.map.fitted = true;
  apply_reply(state, city_reply(2), sink);
  ASSERT_TRUE(state.city.has_value());
  EXPECT_EQ(state.attractions.rows().size(), 6u);
  EXPECT_EQ(state.tours.tours().size(), 2u);
  EXPECT_FALSE(state.map.fitted);  // a new city is fitted on sight
  const auto commands = sink.take();
  ASSERT_EQ(commands.size(), 1u);
  const auto& runs = std::get<ListRunsCommand>(commands[0]);
  EXPECT_EQ(runs.city_id, "city-1");
  EXPECT_EQ(runs.latest_revision, 2);
}

TEST(ApplyReply, ReloadingTheSameCityKeepsViewAndSelection) {
  AppState state;
  CommandSink sink;
  apply_reply(state, city_reply(2), sink);
  state.map.fitted = true;
  select_attraction(state, "b", false);
  state.attractions.set_score("a", 1.0);
  apply_reply(state, city_reply(3), sink);
  EXPECT_TRUE(state.map.fitted);
  EXPECT_EQ(state.selected_id, "b");
  EXPECT_EQ(state.attractions.dirty_count(), 0);  // the server's answer replaces the rows
  EXPECT_EQ(state.city->revision.number, 3);
}

TEST(ApplyReply, AFinishedJobRefreshesTheListAndOpensTheCity) {
  AppState state;
  CommandSink sink;
  apply_reply(state, JobAcceptedReply{"job-9", "geonames:2735943"}, sink);
  core::model::Job job;
  job.id = "job-9";
  job.status = core::model::JobStatus::Running;
  apply_reply(state, JobUpdateReply{job, false}, sink);
  EXPECT_TRUE(sink.empty());
  job.status = core::model::JobStatus::Succeeded;
  job.result = core::model::JobResult{"city-7", 1, 4, true};
  apply_reply(state, JobUpdateReply{job, true}, sink);
  ASSERT_EQ(state.jobs.size(), 1u);
  EXPECT_TRUE(state.jobs[0].ended);
  EXPECT_EQ(state.jobs[0].place_id, "geonames:2735943");
  const auto commands = sink.take();
  EXPECT_TRUE(has<ListCitiesCommand>(commands));
  ASSERT_TRUE(has<LoadCityCommand>(commands));
}

TEST(ApplyReply, AFailedJobIsReported) {
  AppState state;
  CommandSink sink;
  core::model::Job job;
  job.id = "job-3";
  job.place_id = "ChIJbogus1234";
  job.status = core::model::JobStatus::Failed;
  job.error = core::model::JobError{"not_found", "unknown place id ChIJbogus1234", "city"};
  apply_reply(state, JobUpdateReply{job, true}, sink);
  EXPECT_NE(state.last_error.find("unknown place id"), std::string::npos);
}

TEST(ApplyReply, FailuresGoToTheStatusBar) {
  AppState state;
  CommandSink sink;
  state.connection = Connection::Connecting;
  apply_reply(state, FailureReply{"connect", "unreachable", "cannot reach http://127.0.0.1:9: Connection", 0}, sink);
  EXPECT_EQ(state.connection, Connection::Failed);
  EXPECT_EQ(state.last_error, "connect failed: cannot reach http://127.0.0.1:9: Connection (unreachable)");
  apply_reply(state, FailureReply{"save tours", "invalid_request", "tours[0]: unknown attraction q", 400}, sink);
  EXPECT_EQ(state.last_error, "save tours failed: tours[0]: unknown attraction q (invalid_request, HTTP 400)");
  EXPECT_EQ(state.log.size(), 2u);
}

TEST(ApplyReply, TwoRunsAreComparedOnArrival) {
  AppState state;
  CommandSink sink;
  apply_reply(state, city_reply(2), sink);
  auto a = console::testing::sample_run();
  auto b = a;
  std::swap(b.tours[0].stops[0], b.tours[0].stops[1]);
  apply_reply(state, RunReply{RunSlot::Primary, a}, sink);
  EXPECT_FALSE(state.replay.comparison.has_value());
  apply_reply(state, RunReply{RunSlot::Compare, b}, sink);
  ASSERT_TRUE(state.replay.comparison.has_value());
  ASSERT_EQ(state.replay.comparison->changes.tours.size(), 1u);
  EXPECT_TRUE(state.replay.comparison->changes.tours[0].reordered);
}

TEST(ApplyReply, PublishPreviewFillsTheDialogAndPublishReloads) {
  AppState state;
  CommandSink sink;
  apply_reply(state, city_reply(2), sink);
  sink.take();
  state.publish.open = true;
  core::edit::RevisionChanges changes;
  changes.tours_before = 2;
  changes.tours_after = 2;
  apply_reply(state, PublishPreviewReply{"other-city", changes, 2}, sink);
  EXPECT_FALSE(state.publish.changes.has_value());
  apply_reply(state, PublishPreviewReply{"city-1", changes, 2}, sink);
  ASSERT_TRUE(state.publish.changes.has_value());
  apply_reply(state, PublishedReply{"city-1", 2}, sink);
  EXPECT_FALSE(state.publish.open);
  EXPECT_TRUE(has<LoadCityCommand>(sink.take()));
}

TEST(MapShowsReplay, OnlyOnTheReplayTabWithARun) {
  AppState state;
  state.tab = BottomTab::Replay;
  EXPECT_FALSE(map_shows_replay(state));
  state.replay.run = console::testing::sample_run();
  EXPECT_TRUE(map_shows_replay(state));
  state.tab = BottomTab::Tours;
  EXPECT_FALSE(map_shows_replay(state));
}

}  // namespace
