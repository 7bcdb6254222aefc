// End to end through the real clients and the loopback fakes of Google Places, Routes and
// Perplexity: a city generated over HTTP, its costs per stage, a replay of its trace that must
// give the same tours, and a run whose LLM fails and falls back.
#include <gtest/gtest.h>

#include <sstream>

#include "server/cli/cli.h"
#include "shared/algo/polyline.h"
#include "tests/fakes/fake_google.h"
#include "tests/fakes/fake_overpass.h"
#include "tests/fakes/fake_perplexity.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

constexpr const char* kGoogleKey = "AIzaFakeKeyForTests0123";
constexpr const char* kLlmKey = "pplx-fake-key-for-tests";

std::map<std::string, std::string> external_env(const FakeGoogle& google,
                                                const FakePerplexity& llm,
                                                const FakeOverpass& overpass,
                                                const std::string& llm_key,
                                                const std::string& db) {
  return {{"GOOGLE_PLACES_API_KEY", kGoogleKey},
          {"GOOGLE_PLACES_BASE_URL", google.base_url()},
          {"GOOGLE_ROUTES_BASE_URL", google.base_url()},
          {"PERPLEXITY_API_KEY", llm_key},
          {"PERPLEXITY_BASE_URL", llm.base_url()},
          {"ROUTES_POLICY", "legs"},
          {"NARRANDO_DB", db},
          {"CLIENT_RETRY_BASE_MS", "1"},
          {"OVERPASS_URL", overpass.interpreter_url()}};
}

class ExternalPipeline : public ::testing::Test {
 protected:
  FakeGoogle google{kGoogleKey};
  FakePerplexity llm{kLlmKey};
  FakeOverpass overpass;
  TempDir dir;
};

TEST_F(ExternalPipeline, GeneratesThroughEveryServiceAndAccountsForTheCost) {
  TestServer server(external_env(google, llm, overpass, kLlmKey, dir.file("n.db")));
  auto client = server.client();
  const auto result = client.Post("/api/generate-city",
                                  nlohmann::json{{"place_id", google.place_id()}}.dump(),
                                  "application/json");
  ASSERT_EQ(result->status, 200) << result->body;
  const auto generated = json_of(result);
  EXPECT_EQ(generated["tours"], 4);
  EXPECT_EQ(generated["published"], true);
  const auto job = json_of(client.Get("/api/jobs/" + generated["job_id"].get<std::string>()));
  std::map<std::string, nlohmann::json> stages;
  for (const auto& stage : job["stages"]) stages[stage["stage"]] = stage;
  EXPECT_EQ(stages["city"]["calls"], 1);
  EXPECT_GT(stages["attractions"]["calls"].get<int>(), 6);
  EXPECT_GT(stages["filter"]["calls"].get<int>(), 0);
  EXPECT_EQ(stages["legs"]["calls"], 4) << "one computeRoutes per tour";
  EXPECT_EQ(stages["distances"]["calls"], 1)
      << "one Overpass query for the street network, no Routes matrix";
  for (const char* stage : {"city", "attractions", "filter", "legs"}) {
    EXPECT_GT(stages[stage]["cost_usd"].get<double>(), 0.0) << stage;
  }
  const auto document =
      json_of(client.Get("/api/cities/" + generated["city_id"].get<std::string>()));
  EXPECT_EQ(document["city"]["source"], "google");
  int by_llm = 0;
  for (const auto& a : document["attractions"]) by_llm += a["decided_by"] == "llm" ? 1 : 0;
  EXPECT_GT(by_llm, 20);
  const auto leg = document["tours"][0]["legs"][0]["polyline"].get<std::string>();
  EXPECT_GT(leg.size(), 12u) << "a walking path from Routes, not a two-point segment";
  const auto run = json_of(client.Get("/api/cities/" + generated["city_id"].get<std::string>() +
                                      "/runs/" + generated["job_id"].get<std::string>()));
  EXPECT_EQ(run["run"]["settings"]["places"], "google");
  EXPECT_EQ(run["run"]["settings"]["filter"], "llm");
  EXPECT_FALSE(run["run"]["calls"].empty());
  for (const auto& call : run["run"]["calls"]) {
    EXPECT_EQ(call.dump().find(kGoogleKey), std::string::npos) << "no key in the trace";
    EXPECT_EQ(call.dump().find(kLlmKey), std::string::npos);
  }

  // The replay needs no network: point the keys and URLs at nothing and compare the tours.
  std::ostringstream out;
  std::ostringstream err;
  const int code = server::cli::run(
      {"replay", generated["job_id"].get<std::string>()},
      {{"NARRANDO_DB", dir.file("n.db")}, {"GOOGLE_PLACES_BASE_URL", "http://127.0.0.1:9"}},
      out,
      err);
  EXPECT_EQ(code, 0) << err.str();
  EXPECT_NE(out.str().find("4 tours identical to the recorded run"), std::string::npos)
      << out.str();
}

TEST_F(ExternalPipeline, PlansAndDrawsOnTheStreetsFromOverpassAndReplaysThemOffline) {
  auto env = external_env(google, llm, overpass, kLlmKey, dir.file("n.db"));
  env["ROUTES_POLICY"] = "off";  // the default: no paid Routes call
  TestServer server(env);
  auto client = server.client();
  const auto generate = [&client, this](bool force) {
    return json_of(client.Post(
        "/api/generate-city",
        nlohmann::json{{"place_id", google.place_id()}, {"options", {{"force", force}}}}.dump(),
        "application/json"));
  };
  const auto generated = generate(false);
  ASSERT_EQ(generated["success"], true) << generated.dump();
  EXPECT_EQ(overpass.requests("interpreter"), 1);
  EXPECT_EQ(google.requests("computeRoutes") + google.requests("computeRouteMatrix"), 0);
  const auto job = json_of(client.Get("/api/jobs/" + generated["job_id"].get<std::string>()));
  std::string distances_note;
  for (const auto& stage : job["stages"]) {
    if (stage["stage"] == "distances") distances_note = stage.value("note", "");
  }
  EXPECT_NE(distances_note.find("OpenStreetMap via Overpass"), std::string::npos) << distances_note;
  EXPECT_NE(distances_note.find("street network: "), std::string::npos) << distances_note;
  const auto document =
      json_of(client.Get("/api/cities/" + generated["city_id"].get<std::string>()));
  std::size_t legs = 0;
  std::size_t along_streets = 0;
  for (const auto& tour : document["tours"]) {
    for (const auto& leg : tour["legs"]) {
      ++legs;
      along_streets +=
          core::algo::decode_polyline(leg["polyline"].get<std::string>()).size() > 2 ? 1U : 0U;
    }
  }
  ASSERT_GT(legs, 0u);
  EXPECT_GT(along_streets * 10, legs * 9) << "legs turn at the fake town's corners";

  // The replay reads the recorded Overpass answer: no network at all.
  std::ostringstream out;
  std::ostringstream err;
  const int code = server::cli::run(
      {"replay", generated["job_id"].get<std::string>()},
      {{"NARRANDO_DB", dir.file("n.db")}, {"OVERPASS_URL", "http://127.0.0.1:9/api/interpreter"}},
      out,
      err);
  EXPECT_EQ(code, 0) << err.str() << out.str();

  // The same city again: its network comes from the cache, its trace still holds the answer.
  const auto again = generate(true);
  ASSERT_EQ(again["success"], true) << again.dump();
  EXPECT_EQ(overpass.requests("interpreter"), 1);
  const auto run = json_of(client.Get("/api/cities/" + again["city_id"].get<std::string>() +
                                      "/runs/" + again["job_id"].get<std::string>()));
  int cached = 0;
  for (const auto& call : run["run"]["calls"]) {
    if (call["service"] == "overpass") cached += call["cached"].get<bool>() ? 1 : 0;
  }
  EXPECT_EQ(cached, 1);
}

TEST_F(ExternalPipeline, ToursKeepTheirBudgetWhenTheRealWalksAreLongerThanPlanned) {
  // The plan counts straight line x 1.3; the streets here take 1.8 x (a river, a hill): the legs
  // from Routes overrun, and the tours are repaired before anything is stored.
  google.set_walk_detour(1.8);
  TestServer server(external_env(google, llm, overpass, kLlmKey, dir.file("n.db")));
  auto client = server.client();
  const auto result = client.Post("/api/generate-city",
                                  nlohmann::json{{"place_id", google.place_id()}}.dump(),
                                  "application/json");
  ASSERT_EQ(result->status, 200) << result->body;
  const auto generated = json_of(result);
  const auto document =
      json_of(client.Get("/api/cities/" + generated["city_id"].get<std::string>()));
  ASSERT_FALSE(document["tours"].empty());
  for (const auto& tour : document["tours"]) {
    double walk = 0.0;
    for (const auto& leg : tour["legs"]) walk += leg["walk_minutes"].get<double>();
    int visits = 0;
    for (const auto& stop : tour["stops"]) visits += stop["visit_minutes"].get<int>();
    EXPECT_LE(walk + visits, tour["budget_minutes"].get<double>() + 1e-6) << tour["title"];
    EXPECT_NEAR(tour["total_minutes"].get<double>(), walk + visits, 1e-6) << tour["title"];
    EXPECT_GE(tour["stops"].size(), 3u);
  }
  const auto job = json_of(client.Get("/api/jobs/" + generated["job_id"].get<std::string>()));
  std::string legs_note;
  for (const auto& stage : job["stages"]) {
    if (stage["stage"] == "legs") legs_note = stage.value("note", "");
  }
  EXPECT_NE(legs_note.find("on the measured walks: dropped"), std::string::npos) << legs_note;
}

TEST_F(ExternalPipeline, AnLlmFailureFallsBackToTheHeuristicsAndSaysSo) {
  TestServer server(external_env(google, llm, overpass, "pplx-wrong-key", dir.file("n.db")));
  auto client = server.client();
  const auto generated = json_of(client.Post("/api/generate-city",
                                             nlohmann::json{{"place_id", google.place_id()}}.dump(),
                                             "application/json"));
  ASSERT_EQ(generated["success"], true) << generated.dump();
  const auto run = json_of(client.Get("/api/cities/" + generated["city_id"].get<std::string>() +
                                      "/runs/" + generated["job_id"].get<std::string>()));
  EXPECT_EQ(
      run["run"]["filter_used"].get<std::string>().rfind("llm failed, fell back to heuristic: ", 0),
      0u)
      << run["run"]["filter_used"];
  EXPECT_EQ(generated["tours"], 4);
}

TEST_F(ExternalPipeline, APlacesOutageFailsTheJobWithAClearError) {
  // Every layer retries: 4 attempts per call, 2 per stage, 3 per job. Exhaust them all.
  for (int i = 0; i < 4 * 2 * 3; ++i)
    google.inject("getPlace", {503, "", "application/json", "", {}, false});
  TestServer server(external_env(google, llm, overpass, kLlmKey, dir.file("n.db")));
  auto client = server.client();
  const auto result = client.Post("/api/generate-city",
                                  nlohmann::json{{"place_id", google.place_id()}}.dump(),
                                  "application/json");
  expect_error(result, 502, "upstream_error");
  const auto body = json_of(result);
  EXPECT_NE(body["error"]["message"].get<std::string>().find(
                "places getPlace failed after 4 attempts: HTTP 503"),
            std::string::npos)
      << body.dump();
  EXPECT_TRUE(json_of(client.Get("/api/cities"))["cities"].empty()) << "no half-written city";
}

TEST_F(ExternalPipeline, GeonamesPlacesStayOfflineWithAGoogleKey) {
  TestServer server(external_env(google, llm, overpass, kLlmKey, dir.file("n.db")));
  auto client = server.client();
  const auto generated = json_of(
      client.Post("/api/generate-city", R"({"place_id": "geonames:2993458"})", "application/json"));
  ASSERT_EQ(generated["success"], true);
  EXPECT_EQ(google.requests("getPlace"), 0);
  EXPECT_EQ(json_of(client.Get("/api/cities/" +
                               generated["city_id"].get<std::string>()))["city"]["source"],
            "embedded");
}

}  // namespace
