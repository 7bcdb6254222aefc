#include <gtest/gtest.h>

#include <set>

#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

class Editing : public ::testing::Test {
 protected:
  void SetUp() override {
    city = generate(client, "geonames:2735943");
    document = json_of(client.Get("/api/cities/" + city));
  }
  std::string stop(std::size_t tour, std::size_t position) const {
    return document["tours"][tour]["stops"][position]["attraction_id"];
  }
  httplib::Result patch(const std::string& attraction, const std::string& body) {
    return client.Patch(
        "/api/cities/" + city + "/attractions/" + attraction, body, "application/json");
  }
  static std::vector<std::string> stop_ids(const nlohmann::json& tour) {
    std::vector<std::string> ids;
    for (const auto& s : tour["stops"]) ids.push_back(s["attraction_id"]);
    return ids;
  }

  TestServer server;
  httplib::Client client = server.client();
  std::string city;
  nlohmann::json document;
};

TEST_F(Editing, ExcludingAStopTakesItOutOfItsTour) {
  const std::string victim = stop(0, 1);
  const auto result = patch(victim, R"({"included": false})");
  ASSERT_EQ(result->status, 200) << result->body;
  const auto body = json_of(result);
  EXPECT_EQ(body["attraction"]["effective"]["included"], false);
  EXPECT_EQ(body["attraction"]["included"], true)
      << "the filter's decision stays; the editor's overrides it";
  for (const auto& tour : body["tours"]) {
    for (const auto& s : tour["stops"]) EXPECT_NE(s["attraction_id"], victim);
    EXPECT_EQ(tour["legs"].size(), tour["stops"].size() - 1);
  }
  // Clearing the override brings the filter's decision back (and, with no override left, the
  // document no longer carries editor or effective members).
  const auto cleared = json_of(patch(victim, R"({"included": null})"))["attraction"];
  EXPECT_FALSE(cleared.contains("effective"));
  EXPECT_EQ(cleared["included"], true);
}

TEST_F(Editing, RenamesRetimesAndLocksIntoAnotherTour) {
  const std::string moved = stop(0, 0);
  const auto body =
      json_of(patch(moved, R"({"name": "Renamed", "visit_minutes": 7, "locked_tour": 2})"));
  const auto& third = body["tours"][2];
  bool found = false;
  for (const auto& s : third["stops"]) {
    if (s["attraction_id"] == moved) {
      found = true;
      EXPECT_EQ(s["name"], "Renamed");
      EXPECT_EQ(s["visit_minutes"], 7);
      EXPECT_EQ(s["locked"], true);
    }
  }
  EXPECT_TRUE(found) << "a stop locked into tour 3 moves there";
  for (const auto& s : body["tours"][0]["stops"]) EXPECT_NE(s["attraction_id"], moved);
}

TEST_F(Editing, RefusesBadEdits) {
  const std::string a = stop(0, 0);
  expect_error(patch(a, "{}"), 400, "invalid_request");
  expect_error(patch(a, R"({"visit_minutes": -5})"), 400, "invalid_request");
  expect_error(patch(a, R"({"visit_minutes": "ten"})"), 400, "invalid_request");
  expect_error(patch(a, R"({"interest_score": 101})"), 400, "invalid_request");
  expect_error(patch(a, R"({"locked_tour": 12})"), 400, "invalid_request");
  expect_error(patch(a, R"({"name": "   "})"), 400, "invalid_request");
  expect_error(patch(a, R"({"colour": "red"})"), 400, "invalid_request");
  expect_error(patch(a, R"({"included": false, "locked_tour": 1})"), 400, "invalid_request");
  expect_error(patch("a0000000000000000", R"({"name": "x"})"), 404, "not_found");
  expect_error(client.Patch("/api/cities/00000000-0000-4000-8000-000000000000/attractions/" + a,
                            R"({"name": "x"})",
                            "application/json"),
               404,
               "not_found");
  EXPECT_FALSE(json_of(client.Get("/api/cities"))["cities"][0]
                   .value("draft_revision", nlohmann::json())
                   .is_number())
      << "refused edits create no draft";
}

TEST_F(Editing, PutToursReordersMovesAndLocks) {
  auto first = stop_ids(document["tours"][0]);
  auto second = stop_ids(document["tours"][1]);
  std::reverse(first.begin(), first.end());
  second.push_back(first.back());  // move the (new) last stop of tour 1 into tour 2
  first.pop_back();
  nlohmann::json tours = nlohmann::json::array();
  for (const auto& ids : {first, second}) {
    nlohmann::json stops = nlohmann::json::array();
    for (const auto& id : ids)
      stops.push_back({{"attraction_id", id}, {"locked", id == second.back()}});
    tours.push_back({{"stops", stops}, {"order_locked", false}});
  }
  const auto result = client.Put("/api/cities/" + city + "/tours",
                                 nlohmann::json{{"tours", tours}}.dump(),
                                 "application/json");
  ASSERT_EQ(result->status, 200) << result->body;
  const auto body = json_of(result);
  ASSERT_EQ(body["tours"].size(), 2u);
  EXPECT_EQ(stop_ids(body["tours"][0]), first);
  EXPECT_EQ(stop_ids(body["tours"][1]), second);
  EXPECT_EQ(body["tours"][1]["stops"].back()["locked"], true);
  const auto bad = nlohmann::json{
      {"tours", {{{"stops", {{{"attraction_id", first[0]}}, {{"attraction_id", first[0]}}}}}}}};
  expect_error(client.Put("/api/cities/" + city + "/tours", bad.dump(), "application/json"),
               400,
               "invalid_request");
  expect_error(client.Put("/api/cities/" + city + "/tours",
                          R"({"tours": [{"stops": [{"attraction_id": "nope"}]}]})",
                          "application/json"),
               400,
               "invalid_request");
  expect_error(client.Put("/api/cities/" + city + "/tours", R"({"tours": 3})", "application/json"),
               400,
               "invalid_request");
}

TEST_F(Editing, NoTourListOrEmptyTourEverWipesTheTours) {
  const std::size_t tours = document["tours"].size();
  ASSERT_GT(tours, 0u);
  const auto none =
      client.Put("/api/cities/" + city + "/tours", R"({"tours": []})", "application/json");
  expect_error(none, 400, "invalid_request");
  EXPECT_NE(json_of(none)["error"]["message"].get<std::string>().find("at least one tour"),
            std::string::npos);
  const nlohmann::json with_empty{
      {"tours",
       {{{"stops", {{{"attraction_id", stop(0, 0)}}}}}, {{"stops", nlohmann::json::array()}}}}};
  const auto empty =
      client.Put("/api/cities/" + city + "/tours", with_empty.dump(), "application/json");
  expect_error(empty, 400, "invalid_request");
  EXPECT_NE(json_of(empty)["error"]["message"].get<std::string>().find("tours[1].stops"),
            std::string::npos);
  // Nothing was written: no draft, the tours as they were.
  const auto now = json_of(client.Get("/api/cities/" + city));
  EXPECT_EQ(now["revision"]["number"], document["revision"]["number"]);
  EXPECT_EQ(now["tours"].size(), tours);
}

TEST_F(Editing, ReplanKeepsLockedStopsAndFrozenTours) {
  const std::string locked = stop(3, 0);
  ASSERT_EQ(patch(locked, R"({"locked_tour": 0})")->status, 200);
  const std::string excluded = stop(1, 0);
  ASSERT_EQ(patch(excluded, R"({"included": false})")->status, 200);
  const auto result = client.Post("/api/cities/" + city + "/replan",
                                  R"({"options": {"minutes_per_tour": 150}})",
                                  "application/json");
  ASSERT_EQ(result->status, 200) << result->body;
  const auto body = json_of(result);
  EXPECT_EQ(body["revision"]["status"], "draft");
  EXPECT_EQ(body["revision"]["options"]["minutes_per_tour"], 150);
  const auto first = stop_ids(body["tours"][0]);
  EXPECT_NE(std::find(first.begin(), first.end(), locked), first.end())
      << "the locked stop stays in tour 1";
  std::set<std::string> seen;
  for (const auto& tour : body["tours"]) {
    EXPECT_LE(tour["total_minutes"].get<double>(), 150.0 + 1e-6);
    for (const auto& id : stop_ids(tour)) {
      EXPECT_NE(id, excluded);
      EXPECT_TRUE(seen.insert(id).second);
    }
  }
  expect_error(client.Post("/api/cities/" + city + "/replan",
                           R"({"options": {"tours": 0}})",
                           "application/json"),
               400,
               "invalid_request");
}

TEST_F(Editing, PublishPreviewsThenSwitchesWhatTheAppSees) {
  expect_error(
      client.Post("/api/cities/" + city + "/publish", "", "application/json"), 409, "no_draft");
  const std::string victim = stop(0, 0);
  patch(victim, R"({"included": false})");
  const auto preview = json_of(
      client.Post("/api/cities/" + city + "/publish", R"({"dry_run": true})", "application/json"));
  EXPECT_EQ(preview["dry_run"], true);
  EXPECT_EQ(preview["changes"]["any"], true);
  ASSERT_EQ(preview["changes"]["tours"].size(), 1u);
  EXPECT_EQ(preview["changes"]["tours"][0]["removed"].size(), 1u);
  EXPECT_EQ(preview["changes"]["newly_excluded"].size(), 1u);
  EXPECT_EQ(json_of(client.Get("/api/cities/" + city + "?revision=1"))["revision"]["status"],
            "published")
      << "a preview publishes nothing";
  const auto published =
      json_of(client.Post("/api/cities/" + city + "/publish", "", "application/json"));
  EXPECT_EQ(published["revision"], 2);
  const auto now = json_of(client.Get("/api/cities/" + city));
  EXPECT_EQ(now["revision"]["number"], 2);
  EXPECT_EQ(now["revision"]["status"], "published");
  for (const auto& id : stop_ids(now["tours"][0])) EXPECT_NE(id, victim);
  expect_error(
      client.Post("/api/cities/" + city + "/publish", "{}", "application/json"), 409, "no_draft");
  expect_error(
      client.Post("/api/cities/" + city + "/publish", R"({"dry_run": "yes"})", "application/json"),
      400,
      "invalid_request");
}

}  // namespace
