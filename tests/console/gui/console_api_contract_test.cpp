// The console's HTTP client and drafts against the real narrando-server (loopback, embedded data,
// an editor key): every editing route the panels use, in the order an editor uses them.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "console/net/api_client.h"
#include "console/state/attraction_draft.h"
#include "console/state/tour_draft.h"
#include "tests/support/server_process.h"
#include "tests/support/temp_dir.h"

namespace {

constexpr const char* kKey = "contract-test-editor-key-0123";

class ConsoleApiContract : public ::testing::Test {
 protected:
  void SetUp() override {
    m_server = std::make_unique<narrando::testing::ServerProcess>(
        NARRANDO_SERVER_BINARY,
        std::map<std::string, std::string>{{"NARRANDO_DB", m_dir.file("narrando.db")},
                                           {"API_KEYS", std::string(kKey) + ":editor"},
                                           {"HOST", "127.0.0.1"},
                                           {"WORKERS", "1"}});
    m_client = std::make_unique<console::net::ApiClient>(
        "http://127.0.0.1:" + std::to_string(m_server->port()), kKey);
  }

  // Generates `place_id` through the job events, as the cities panel does; returns the last job.
  core::model::Job generate(const std::string& place_id, bool force) {
    const auto answer = m_client->generate(place_id, force);
    const auto* accepted = std::get_if<console::state::JobAcceptedReply>(&answer);
    if (!accepted) {
      ADD_FAILURE() << "the server did not queue a job";
      return {};
    }
    console::net::ApiClient events("http://127.0.0.1:" + std::to_string(m_server->port()), kKey);
    core::model::Job last;
    const bool ended = events.follow_job(
        accepted->job_id,
        [&](core::model::Job job, bool) { last = std::move(job); },
        [] { return true; });
    EXPECT_TRUE(ended);
    return last;
  }

  narrando::testing::TempDir m_dir;
  std::unique_ptr<narrando::testing::ServerProcess> m_server;
  std::unique_ptr<console::net::ApiClient> m_client;
};

TEST_F(ConsoleApiContract, GenerateEditReplanAndPublishThroughTheConsoleClient) {
  const core::model::Job job = generate("geonames:2735943", false);
  ASSERT_EQ(job.status, core::model::JobStatus::Succeeded);
  ASSERT_TRUE(job.result.has_value());
  const std::string city_id = job.result->city_id;

  bool editor = false;
  const auto cities = m_client->list_cities("porto", editor);
  ASSERT_EQ(cities.size(), 1u);
  EXPECT_TRUE(editor);
  EXPECT_EQ(cities[0].status, core::model::CityStatus::Published);

  // Attractions table: one edit, saved as a PATCH, read back from the draft.
  auto city = m_client->get_city(city_id, std::nullopt);
  console::state::AttractionDraft table;
  table.reset(city.revision);
  const std::string edited = table.rows().front().id;
  table.set_visit_minutes(edited, 33);
  for (const auto& [id, patch] : table.patches()) m_client->patch_attraction(city_id, id, patch);
  city = m_client->get_city(city_id, std::nullopt);
  ASSERT_TRUE(city.city.draft_revision.has_value());
  table.reset(city.revision);
  EXPECT_EQ(table.find(edited)->visit_minutes, 33);

  // Tours panel: move a stop to another tour and lock it there, then replan (the lock holds).
  console::state::TourDraft tours;
  tours.reset(city.revision);
  ASSERT_GE(tours.tours().size(), 2u);
  const std::string moved = tours.tours()[0].stops.front().attraction_id;
  ASSERT_TRUE(tours.move(0, 0, 1, 0));
  tours.set_locked(1, 0, true);
  m_client->put_tours(city_id, tours.edits());
  city = m_client->replan(city_id);
  bool kept_in_tour_two = false;
  for (const auto& stop : city.revision.tours.at(1).stops)
    kept_in_tour_two = kept_in_tour_two || stop.attraction_id == moved;
  EXPECT_TRUE(kept_in_tour_two);

  // Publish: the dry run says what changes, then the draft goes live.
  const auto preview = m_client->preview_publish(city_id);
  EXPECT_TRUE(preview.changes.any());
  EXPECT_EQ(preview.draft_revision, *city.city.draft_revision);
  EXPECT_EQ(m_client->publish(city_id), preview.draft_revision);

  // QA replay: the city's runs, newest first (the replan is a run too), then the generation's
  // run trace.
  const auto runs = m_client->list_runs(city_id);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].origin, core::model::RevisionOrigin::Replan);
  EXPECT_EQ(runs[1].origin, core::model::RevisionOrigin::Generation);
  EXPECT_EQ(runs[1].job_id, job.id);
  EXPECT_EQ(runs[1].revision, 1);
  const auto run = m_client->get_run(city_id, runs[1].job_id);
  EXPECT_EQ(run.job_id, job.id);
  EXPECT_FALSE(run.candidates.empty());
  EXPECT_FALSE(run.tours.empty());
}

TEST_F(ConsoleApiContract, TheGenerateListIsTheServersEmbeddedCatalogue) {
  const auto places = m_client->list_places();
  ASSERT_GE(places.size(), 10u);
  EXPECT_NE(
      std::find_if(places.begin(), places.end(), [](const auto& p) { return p.name == "Porto"; }),
      places.end());
  m_client->check_ready();
}

TEST_F(ConsoleApiContract, ServerErrorsArriveWithTheirCodeAndStatus) {
  try {
    m_client->get_city("00000000-0000-0000-0000-000000000000", std::nullopt);
    FAIL() << "an unknown city was found";
  } catch (const console::net::ApiError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_EQ(e.code(), "not_found");
  }
  console::net::ApiClient stranger("http://127.0.0.1:" + std::to_string(m_server->port()),
                                   "not-a-key-of-this-server");
  bool editor = false;
  try {
    stranger.list_cities("", editor);
    FAIL() << "a wrong key was accepted";
  } catch (const console::net::ApiError& e) {
    EXPECT_EQ(e.status(), 401);
  }
}

TEST_F(ConsoleApiContract, AnUnknownPlaceIsRefusedWithTheServersReason) {
  // The server resolves the place before it queues anything, so no job is left behind.
  try {
    m_client->generate("geonames:1", false);
    FAIL() << "an unknown place was queued";
  } catch (const console::net::ApiError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_NE(std::string(e.what()).find("narrando-server cities"), std::string::npos) << e.what();
  }
  bool editor = false;
  EXPECT_TRUE(m_client->list_cities("", editor).empty());
}

}  // namespace
