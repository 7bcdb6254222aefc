#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "shared/json/city_messages.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

class Cities : public ::testing::Test {
 protected:
  TestServer server{{{"API_KEYS", kApiKeys}}};
  httplib::Client client = server.client();
  httplib::Headers app = bearer(kAppKey);
  httplib::Headers editor = bearer(kEditorKey);
};

TEST_F(Cities, TheAppSeesPublishedCitiesAndDocuments) {
  const std::string city = generate(client, "geonames:2735943", app);
  const auto list = json_of(client.Get("/api/cities", app));
  ASSERT_EQ(list["cities"].size(), 1u);
  EXPECT_EQ(list["cities"][0]["id"], city);
  EXPECT_EQ(list["cities"][0]["status"], "published");
  EXPECT_FALSE(list["cities"][0].contains("draft_revision"));
  const auto document = json_of(client.Get("/api/cities/" + city, app));
  EXPECT_EQ(document["success"], true);
  EXPECT_EQ(document["city"]["name"], "Porto");
  EXPECT_EQ(document["revision"]["number"], 1);
  EXPECT_EQ(document["revision"]["status"], "published");
  EXPECT_EQ(document["tours"].size(), 4u);
  EXPECT_GT(document["attractions"].size(), document["tours"][0]["stops"].size());
  bool has_excluded_with_reason = false;
  for (const auto& a : document["attractions"]) {
    has_excluded_with_reason |=
        !a["included"].get<bool>() && !a["reason"].get<std::string>().empty();
  }
  EXPECT_TRUE(has_excluded_with_reason) << "excluded attractions are listed with their reasons";
}

TEST_F(Cities, TheAppNeverSeesADraft) {
  const std::string city = generate(client, "geonames:2735943", app);
  const auto patched =
      client.Patch("/api/cities/" + city + "/attractions/" +
                       json_of(client.Get("/api/cities/" + city,
                                          editor))["tours"][0]["stops"][0]["attraction_id"]
                           .get<std::string>(),
                   editor,
                   R"({"name": "Draft-only name"})",
                   "application/json");
  ASSERT_EQ(patched->status, 200) << patched->body;
  EXPECT_EQ(json_of(patched)["revision"], 2);
  const std::string app_view = client.Get("/api/cities/" + city, app)->body;
  EXPECT_EQ(app_view.find("Draft-only name"), std::string::npos);
  EXPECT_EQ(json_of(client.Get("/api/cities/" + city, app))["revision"]["number"], 1);
  EXPECT_EQ(client.Get("/api/cities/" + city + "?revision=2", app)->body.find("Draft-only name"),
            std::string::npos)
      << "the app cannot ask for a draft by number";
  EXPECT_EQ(
      client.Get("/api/cities/" + city + "/export.geojson", app)->body.find("Draft-only name"),
      std::string::npos);
  // Editors see the draft by default and any revision by number.
  EXPECT_NE(client.Get("/api/cities/" + city, editor)->body.find("Draft-only name"),
            std::string::npos);
  EXPECT_EQ(
      json_of(client.Get("/api/cities/" + city + "?revision=1", editor))["revision"]["number"], 1);
  const auto list = json_of(client.Get("/api/cities", editor));
  EXPECT_EQ(list["cities"][0]["status"], "draft");
  EXPECT_EQ(list["cities"][0]["draft_revision"], 2);
}

// Makes a draft of `city` (one renamed stop) and publishes it through `client`; the new number.
int publish_a_renamed_stop(httplib::Client& client,
                           const std::string& city,
                           const std::string& name) {
  const httplib::Headers editor = bearer(kEditorKey);
  const std::string stop =
      json_of(client.Get("/api/cities/" + city, editor))["tours"][0]["stops"][0]["attraction_id"]
          .get<std::string>();
  const auto patched = client.Patch("/api/cities/" + city + "/attractions/" + stop,
                                    editor,
                                    R"({"name": ")" + name + R"("})",
                                    "application/json");
  EXPECT_EQ(patched->status, 200) << patched->body;
  const auto published =
      client.Post("/api/cities/" + city + "/publish", editor, "{}", "application/json");
  EXPECT_EQ(published->status, 200) << published->body;
  return json_of(published)["revision"].get<int>();
}

TEST(PublishedCache, APublishIsSeenByTheAppAtOnceOnTheSameInstance) {
  // A day-long cache: only the publish itself can make the app see revision 2 now.
  TestServer server{{{"API_KEYS", kApiKeys}, {"PUBLISHED_CACHE_SECONDS", "300"}}};
  httplib::Client client = server.client();
  const httplib::Headers app = bearer(kAppKey);
  const std::string city = generate(client, "geonames:2735943", app);
  EXPECT_EQ(json_of(client.Get("/api/cities/" + city, app))["revision"]["number"], 1);
  EXPECT_EQ(json_of(client.Get("/api/cities/" + city, app))["revision"]["number"],
            1);  // from memory
  ASSERT_EQ(publish_a_renamed_stop(client, city, "Renamed on this instance"), 2);
  const auto document = client.Get("/api/cities/" + city, app);
  EXPECT_EQ(json_of(document)["revision"]["number"], 2);
  EXPECT_NE(document->body.find("Renamed on this instance"), std::string::npos);
}

TEST(PublishedCache, APublishOnAnotherInstanceIsSeenWithinTheTimeToLive) {
  TempDir shared;
  const std::string db = shared.file("shared.db");
  server::support::ManualClock reader_clock;  // the reader's time to live passes when the test says
  TestServer reader{{{"API_KEYS", kApiKeys}, {"NARRANDO_DB", db}, {"PUBLISHED_CACHE_SECONDS", "1"}},
                    reader_clock};
  TestServer slow_reader{
      {{"API_KEYS", kApiKeys}, {"NARRANDO_DB", db}, {"PUBLISHED_CACHE_SECONDS", "300"}}};
  TestServer writer{{{"API_KEYS", kApiKeys}, {"NARRANDO_DB", db}}};
  httplib::Client reading = reader.client();
  httplib::Client slow_reading = slow_reader.client();
  httplib::Client writing = writer.client();
  const httplib::Headers app = bearer(kAppKey);
  const std::string city = generate(writing, "geonames:2735943", app);
  EXPECT_EQ(json_of(reading.Get("/api/cities/" + city, app))["revision"]["number"], 1);
  EXPECT_EQ(json_of(slow_reading.Get("/api/cities/" + city, app))["revision"]["number"], 1);
  ASSERT_EQ(publish_a_renamed_stop(writing, city, "Renamed elsewhere"), 2);
  // The instance with a 300 s cache answers from memory, without the database: still revision 1.
  EXPECT_EQ(json_of(slow_reading.Get("/api/cities/" + city, app))["revision"]["number"], 1);
  // Editors always read the database.
  EXPECT_EQ(
      json_of(slow_reading.Get("/api/cities/" + city, bearer(kEditorKey)))["revision"]["number"],
      2);
  // Within its time to live (1 s of the reader's clock) the reader answers from memory.
  reader_clock.advance(std::chrono::milliseconds(900));
  EXPECT_EQ(json_of(reading.Get("/api/cities/" + city, app))["revision"]["number"], 1);
  // After it, the first read still answers from memory and has the entry read again in the
  // background; the reads after that see the new revision. Allow 10 s for that background read.
  reader_clock.advance(std::chrono::milliseconds(200));
  EXPECT_EQ(json_of(reading.Get("/api/cities/" + city, app))["revision"]["number"], 1);
  int seen = 1;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (seen != 2 && std::chrono::steady_clock::now() < deadline) {
    seen = json_of(reading.Get("/api/cities/" + city, app))["revision"]["number"].get<int>();
    if (seen != 2) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(seen, 2);
}

TEST_F(Cities, AFirstRevisionWaitsForEditorsWithAutoPublishNever) {
  TestServer never{{{"API_KEYS", kApiKeys}, {"AUTO_PUBLISH", "never"}}};
  auto never_client = never.client();
  const std::string city = generate(never_client, "geonames:2993458", app);
  expect_error(never_client.Get("/api/cities/" + city, app), 404, "not_found");
  EXPECT_TRUE(json_of(never_client.Get("/api/cities", app))["cities"].empty());
  EXPECT_EQ(never_client.Get("/api/cities/" + city, editor)->status, 200);
}

TEST_F(Cities, FiltersByNameAndReportsUnknownIds) {
  generate(client, "geonames:2735943", app);
  generate(client, "geonames:2993458", app);
  EXPECT_EQ(json_of(client.Get("/api/cities?q=mon", app))["cities"].size(), 1u);
  EXPECT_EQ(json_of(client.Get("/api/cities?q=PORTO", app))["cities"].size(), 1u);
  EXPECT_EQ(json_of(client.Get("/api/cities", app))["cities"].size(), 2u);
  expect_error(
      client.Get("/api/cities/00000000-0000-4000-8000-000000000000", app), 404, "not_found");
  expect_error(client.Get("/api/cities/not-a-uuid", app), 404, "not_found");
  const std::string city = json_of(client.Get("/api/cities?q=porto", app))["cities"][0]["id"];
  expect_error(client.Get("/api/cities/" + city + "?revision=abc", editor), 400, "invalid_request");
  expect_error(client.Get("/api/cities/" + city + "?revision=9", editor), 404, "not_found");
}

TEST_F(Cities, ExportsGeoJsonAndGpx) {
  const std::string city = generate(client, "geonames:2735943", app);
  const auto geojson = client.Get("/api/cities/" + city + "/export.geojson", app);
  ASSERT_EQ(geojson->status, 200);
  EXPECT_EQ(geojson->get_header_value("Content-Type"), "application/geo+json");
  const auto collection = json_of(geojson);
  EXPECT_EQ(collection["type"], "FeatureCollection");
  int lines = 0;
  int points = 0;
  for (const auto& feature : collection["features"]) {
    const std::string type = feature["geometry"]["type"];
    lines += type == "LineString" ? 1 : 0;
    points += type == "Point" ? 1 : 0;
    if (type == "Point") {
      const double lon = feature["geometry"]["coordinates"][0];
      const double lat = feature["geometry"]["coordinates"][1];
      EXPECT_NEAR(lat, 41.14, 0.1) << "GeoJSON is [lon, lat]";
      EXPECT_NEAR(lon, -8.61, 0.1);
    }
  }
  EXPECT_EQ(lines, 4);
  EXPECT_GE(points, 12);
  const auto gpx = client.Get("/api/cities/" + city + "/export.gpx", app);
  ASSERT_EQ(gpx->status, 200);
  EXPECT_EQ(gpx->get_header_value("Content-Type"), "application/gpx+xml");
  EXPECT_EQ(gpx->body.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  EXPECT_NE(gpx->body.find("<trk><name>"), std::string::npos);
  EXPECT_NE(gpx->body.find("<number>1</number>"), std::string::npos);
  EXPECT_NE(gpx->body.find("<wpt lat=\"41."), std::string::npos);
  EXPECT_NE(gpx->body.find("</gpx>"), std::string::npos);
}

TEST_F(Cities, ServesRunTracesToEditors) {
  const auto generated = json_of(client.Post(
      "/api/generate-city", app, R"({"place_id": "geonames:2735943"})", "application/json"));
  const std::string city = generated["city_id"];
  const std::string job = generated["job_id"];
  const auto run = json_of(client.Get("/api/cities/" + city + "/runs/" + job, editor));
  EXPECT_EQ(run["run"]["job_id"], job);
  EXPECT_EQ(run["run"]["stages"].size(), 6u);
  EXPECT_FALSE(run["run"]["candidates"].empty());
  EXPECT_EQ(run["run"]["tours"].size(), 4u);
  expect_error(
      client.Get("/api/cities/" + city + "/runs/00000000-0000-4000-8000-000000000000", editor),
      404,
      "not_found");
}

TEST_F(Cities, ListsACitysRunsNewestFirstWithTheirSpending) {
  const std::string first = json_of(client.Post("/api/generate-city",
                                                app,
                                                R"({"place_id": "geonames:2735943"})",
                                                "application/json"))["job_id"];
  const auto again = json_of(
      client.Post("/api/generate-city",
                  editor,
                  R"({"place_id": "geonames:2735943", "options": {"force": true, "tours": 2}})",
                  "application/json"));
  const std::string city = again["city_id"];
  const auto list =
      json_of(client.Get("/api/cities/" + city + "/runs", editor)).get<core::json::RunList>();
  ASSERT_EQ(list.runs.size(), 2u);
  EXPECT_EQ(list.runs[0].job_id, again["job_id"]) << "newest first";
  EXPECT_EQ(list.runs[1].job_id, first);
  for (const core::json::RunSummary& run : list.runs) {
    EXPECT_EQ(run.status, core::model::JobStatus::Succeeded);
    EXPECT_EQ(run.origin, core::model::RevisionOrigin::Generation);
    EXPECT_FALSE(run.created_at.empty());
    EXPECT_EQ(run.calls, 0) << "offline: no external call";
    EXPECT_DOUBLE_EQ(run.cost_usd, 0.0);
  }
  EXPECT_EQ(list.runs[0].revision, 2);
  EXPECT_EQ(list.runs[1].revision, 1);
  // Each listed run has its trace.
  EXPECT_EQ(client.Get("/api/cities/" + city + "/runs/" + list.runs[1].job_id, editor)->status,
            200);
  expect_error(client.Get("/api/cities/" + city + "/runs", app), 403, "forbidden");
  expect_error(client.Get("/api/cities/00000000-0000-4000-8000-000000000000/runs", editor),
               404,
               "not_found");
}

TEST_F(Cities, ThePlacesCatalogueListsTheEmbeddedCitiesToAnyKey) {
  const auto places = json_of(client.Get("/api/places", app)).get<core::json::PlaceList>().places;
  ASSERT_GE(places.size(), 10u);
  const auto porto =
      std::find_if(places.begin(), places.end(), [](const core::json::PlaceSummary& p) {
        return p.place_id == "geonames:2735943";
      });
  ASSERT_NE(porto, places.end());
  EXPECT_EQ(porto->name, "Porto");
  EXPECT_EQ(porto->country_code, "PT");
  EXPECT_GT(porto->candidates, 100);
  EXPECT_TRUE(porto->walking_network);
  const auto without_network =
      std::count_if(places.begin(), places.end(), [](const core::json::PlaceSummary& p) {
        return !p.walking_network;
      });
  EXPECT_GT(without_network, 0) << "not every embedded city has a walking graph";
  EXPECT_EQ(json_of(client.Get("/api/places", editor)).get<core::json::PlaceList>().places, places);
  expect_error(client.Get("/api/places"), 401, "unauthorized");
}

}  // namespace

namespace {

TEST(CitiesBeingGenerated, EditorsSeeAPlaceWithoutACityYetWithItsJob) {
  TestServer server{{{"API_KEYS", kApiKeys}, {"WORKERS", "0"}}};  // the job stays queued
  auto client = server.client();
  const auto editor = bearer(kEditorKey);
  auto async = editor;
  async.emplace("Prefer", "respond-async");
  const auto accepted = json_of(client.Post(
      "/api/generate-city", async, R"({"place_id": "geonames:2735943"})", "application/json"));
  const auto list = json_of(client.Get("/api/cities", editor));
  ASSERT_EQ(list["cities"].size(), 1u);
  const auto& row = list["cities"][0];
  EXPECT_TRUE(row["id"].is_null());
  EXPECT_EQ(row["place_id"], "geonames:2735943");
  EXPECT_EQ(row["status"], "generating");
  EXPECT_EQ(row["job_id"], accepted["job_id"]);
  EXPECT_EQ(row["job_status"], "queued");
  EXPECT_EQ(row["progress"], 0.0);
  EXPECT_EQ(json_of(client.Get("/api/cities?q=2735943", editor))["cities"].size(), 1u)
      << "found by place id";
  EXPECT_TRUE(json_of(client.Get("/api/cities?q=lisbon", editor))["cities"].empty());
  EXPECT_TRUE(json_of(client.Get("/api/cities", bearer(kAppKey)))["cities"].empty())
      << "the app sees published cities only";
}

}  // namespace
