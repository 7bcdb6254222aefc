#include "console/state/app_state.h"

#include <gtest/gtest.h>

#include "tests/console/fixtures.h"

namespace {

using namespace console::state;
using console::testing::listed_city;
using console::testing::pending_place;

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
  return std::any_of(commands.begin(), commands.end(), [](const Command& c) {
    return std::holds_alternative<T>(c);
  });
}

TEST(ApplyReply, ACityFillsTheDraftsAndAsksForItsRunsAndBasemap) {
  AppState state;
  CommandSink sink;
  state.map.fitted = true;
  apply_reply(state, city_reply(2), sink);
  ASSERT_TRUE(state.city.has_value());
  EXPECT_EQ(state.attractions.rows().size(), 6u);
  EXPECT_EQ(state.tours.tours().size(), 2u);
  EXPECT_FALSE(state.map.fitted);  // a new city is fitted on sight
  const auto commands = sink.take();
  ASSERT_EQ(commands.size(), 2u);
  const auto& runs = std::get<ListRunsCommand>(commands[0]);
  EXPECT_EQ(runs.city_id, "city-1");
  EXPECT_EQ(std::get<LoadBasemapCommand>(commands[1]).city_id, "city-1");
  // A reload of the same city does not ask for its basemap again.
  apply_reply(state, city_reply(3), sink);
  for (const Command& command : sink.take())
    EXPECT_FALSE(std::holds_alternative<LoadBasemapCommand>(command));
}

TEST(ApplyReply, TheBasemapOfTheOpenCityIsKeptAndALateOneForAnotherIsDropped) {
  AppState state;
  CommandSink sink;
  apply_reply(state, city_reply(2), sink);
  auto map = std::make_shared<const core::basemap::Basemap>();
  apply_reply(state, BasemapReply{"another-city", map}, sink);
  EXPECT_FALSE(state.basemap.answered);
  EXPECT_EQ(state.basemap.map, nullptr);
  apply_reply(state, BasemapReply{"city-1", map}, sink);
  EXPECT_TRUE(state.basemap.answered);
  EXPECT_EQ(state.basemap.map, map);
  // None for this city: answered, nothing to draw, and the log says why.
  state.basemap = {"city-1", nullptr, false};
  apply_reply(state, BasemapReply{"city-1", nullptr}, sink);
  EXPECT_TRUE(state.basemap.answered);
  EXPECT_NE(state.log.back().find("no offline basemap"), std::string::npos);
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
  // The place now shows as generating: the list is asked for again at once.
  const auto started = sink.take();
  ASSERT_EQ(started.size(), 1u);
  EXPECT_TRUE(has<ListCitiesCommand>(started));
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
  job.error = core::model::JobError{
      "not_found", "unknown place id ChIJbogus1234", core::model::Stage::City};
  apply_reply(state, JobUpdateReply{job, true}, sink);
  EXPECT_NE(state.last_error.find("unknown place id"), std::string::npos);
}

TEST(ApplyReply, FailuresGoToTheStatusBar) {
  AppState state;
  CommandSink sink;
  state.connection = Connection::Connecting;
  apply_reply(
      state,
      FailureReply{"connect", "unreachable", "cannot reach http://127.0.0.1:9: Connection", 0},
      sink);
  EXPECT_EQ(state.connection, Connection::Failed);
  EXPECT_EQ(state.last_error,
            "connect failed: cannot reach http://127.0.0.1:9: Connection (unreachable)");
  apply_reply(state,
              FailureReply{"save tours", "invalid_request", "tours[0]: unknown attraction q", 400},
              sink);
  EXPECT_EQ(state.last_error,
            "save tours failed: tours[0]: unknown attraction q (invalid_request, HTTP 400)");
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
  const auto commands = sink.take();
  EXPECT_TRUE(has<LoadCityCommand>(commands));
  EXPECT_TRUE(has<ListCitiesCommand>(commands));  // "draft" becomes "published" in the list
}

template <class T>
int count(const std::vector<Command>& commands) {
  return static_cast<int>(std::count_if(commands.begin(), commands.end(), [](const Command& c) {
    return std::holds_alternative<T>(c);
  }));
}

core::model::Job
job_in(const std::string& id, const std::string& place_id, core::model::JobStatus status) {
  core::model::Job job;
  job.id = id;
  job.place_id = place_id;
  job.status = status;
  return job;
}

TEST(ApplyReply, AListWithAPlaceBeingGeneratedConnectsAndFollowsItsJob) {
  AppState state;
  CommandSink sink;
  state.connection = Connection::Connecting;
  apply_reply(
      state,
      ConnectedReply{"http://127.0.0.1:8080",
                     {listed_city("city-1", "geonames:2735943", core::model::CityStatus::Published),
                      pending_place("geonames:3117735", "job-7")},
                     true,
                     {{"geonames:3117735", "Madrid", "ES", 90, false}}},
      sink);
  EXPECT_EQ(state.connection, Connection::Connected);
  ASSERT_EQ(state.places.size(), 1u) << "the server's embedded cities, for the generate list";
  ASSERT_EQ(state.cities.size(), 2u);
  EXPECT_FALSE(state.cities[1].openable());
  // Another editor's job: followed so that its progress shows in the list.
  const auto commands = sink.take();
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(std::get<FollowJobCommand>(commands[0]).job_id, "job-7");
  ASSERT_EQ(state.jobs.size(), 1u);
  EXPECT_FALSE(state.jobs[0].started_here);
  EXPECT_EQ(job_for(state, state.cities[0]), nullptr);
  ASSERT_EQ(job_for(state, state.cities[1]), &state.jobs[0]);

  auto running = job_in("job-7", "geonames:3117735", core::model::JobStatus::Running);
  running.progress = 0.4;
  running.stage = core::model::Stage::Filter;
  apply_reply(state, JobUpdateReply{running, false}, sink);
  EXPECT_DOUBLE_EQ(job_for(state, state.cities[1])->job.progress, 0.4);
  // The next listing still shows the place: its job is not followed twice.
  apply_reply(state, CitiesReply{"", state.cities}, sink);
  EXPECT_TRUE(sink.empty());
  EXPECT_EQ(state.jobs.size(), 1u);
}

TEST(ApplyReply, AnotherEditorsJobEndingRefreshesTheListButOpensNothing) {
  AppState state;
  CommandSink sink;
  apply_reply(state, CitiesReply{"", {pending_place("geonames:3117735", "job-7")}}, sink);
  sink.take();
  auto done = job_in("job-7", "geonames:3117735", core::model::JobStatus::Succeeded);
  done.result = core::model::JobResult{"city-8", 1, 3, true};
  apply_reply(state, JobUpdateReply{done, true}, sink);
  const auto commands = sink.take();
  EXPECT_EQ(count<ListCitiesCommand>(commands), 1);
  EXPECT_EQ(count<LoadCityCommand>(commands), 0);  // not this editor's city to open
  EXPECT_TRUE(state.last_error.empty());

  apply_reply(state, CitiesReply{"", {pending_place("geonames:1", "job-8")}}, sink);
  sink.take();
  auto failed = job_in("job-8", "geonames:1", core::model::JobStatus::Failed);
  failed.error = core::model::JobError{"not_found", "unknown place", core::model::Stage::City};
  apply_reply(state, JobUpdateReply{failed, true}, sink);
  EXPECT_TRUE(state.last_error.empty());  // their failure goes to the log
  EXPECT_NE(state.log.back().find("unknown place"), std::string::npos);
  EXPECT_EQ(count<ListCitiesCommand>(sink.take()), 1);
}

TEST(ApplyReply, AJobReportedEndedTwiceActsOnce) {
  AppState state;
  CommandSink sink;
  apply_reply(state, JobAcceptedReply{"job-9", "geonames:2735943"}, sink);
  sink.take();
  auto done = job_in("job-9", "geonames:2735943", core::model::JobStatus::Succeeded);
  done.result = core::model::JobResult{"city-7", 1, 4, true};
  apply_reply(state, JobUpdateReply{done, true}, sink);
  EXPECT_EQ(count<LoadCityCommand>(sink.take()), 1);
  apply_reply(
      state,
      JobUpdateReply{job_in("job-9", "geonames:2735943", core::model::JobStatus::Running), false},
      sink);
  apply_reply(state, JobUpdateReply{done, true}, sink);
  EXPECT_TRUE(sink.empty());
  EXPECT_EQ(state.jobs[0].job.status, core::model::JobStatus::Succeeded);
}

TEST(ApplyReply, SaveAndReplanRefreshTheCityListLoadingDoesNot) {
  AppState state;
  CommandSink sink;
  apply_reply(state, city_reply(2), sink);
  EXPECT_EQ(count<ListCitiesCommand>(sink.take()), 0);
  state.city_search = "por";
  CityReply replanned = city_reply(3);
  replanned.note = "replanned";
  replanned.changed = true;
  apply_reply(state, replanned, sink);
  const auto commands = sink.take();
  ASSERT_EQ(count<ListCitiesCommand>(commands), 1);
  for (const Command& c : commands) {
    if (const auto* list = std::get_if<ListCitiesCommand>(&c)) {
      EXPECT_EQ(list->query, "por");  // the list as searched
    }
  }
  // The refreshed list replaces the stale status ("published" while the server says "draft").
  state.cities = {listed_city("city-1", "geonames:2735943", core::model::CityStatus::Published)};
  apply_reply(
      state,
      CitiesReply{"por",
                  {listed_city("city-1", "geonames:2735943", core::model::CityStatus::Draft)}},
      sink);
  EXPECT_EQ(state.cities[0].status, core::model::CityStatus::Draft);
  // An answer to an older search is dropped.
  apply_reply(state, CitiesReply{"p", {}}, sink);
  EXPECT_EQ(state.cities.size(), 1u);
}

TEST(ApplyReply, ANewGenerationOfTheOpenCityRefreshesItsRuns) {
  AppState state;
  CommandSink sink;
  apply_reply(state, city_reply(2), sink);
  sink.take();
  apply_reply(
      state,
      RunsReply{"city-1",
                {{2, "job-1", core::model::RevisionOrigin::Generation, "2026-12-07T08:05:00Z"}}},
      sink);
  ASSERT_EQ(state.replay.runs.size(), 1u);

  apply_reply(state, JobAcceptedReply{"job-2", "geonames:2735943"}, sink);
  sink.take();
  auto done = job_in("job-2", "geonames:2735943", core::model::JobStatus::Succeeded);
  done.result = core::model::JobResult{"city-1", 5, 4, false};
  apply_reply(state, JobUpdateReply{done, true}, sink);
  const auto commands = sink.take();
  ASSERT_EQ(count<ListRunsCommand>(commands), 1);
  for (const Command& c : commands) {
    if (const auto* runs = std::get_if<ListRunsCommand>(&c)) {
      EXPECT_EQ(runs->city_id, "city-1");
    }
  }
  // The reload of the same city keeps the replay; the new list of runs replaces the old one.
  apply_reply(state, city_reply(5), sink);
  EXPECT_EQ(state.replay.runs.size(), 1u);
  apply_reply(
      state,
      RunsReply{"city-1",
                {{5, "job-2", core::model::RevisionOrigin::Generation, "2026-12-07T09:00:00Z"},
                 {2, "job-1", core::model::RevisionOrigin::Generation, "2026-12-07T08:05:00Z"}}},
      sink);
  ASSERT_EQ(state.replay.runs.size(), 2u);
  EXPECT_EQ(state.replay.runs[0].job_id, "job-2");

  // A job of another city leaves the open city's runs alone.
  apply_reply(state, JobAcceptedReply{"job-3", "geonames:3117735"}, sink);
  sink.take();
  auto other = job_in("job-3", "geonames:3117735", core::model::JobStatus::Succeeded);
  other.result = core::model::JobResult{"city-9", 1, 2, true};
  apply_reply(state, JobUpdateReply{other, true}, sink);
  EXPECT_EQ(count<ListRunsCommand>(sink.take()), 0);
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
