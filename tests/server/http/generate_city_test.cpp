#include <future>

#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using narrando::testing::TestServer;

nlohmann::json json_of(const httplib::Result& result) {
  return nlohmann::json::parse(result->body);
}

void expect_error(const httplib::Result& result, int status, const std::string& code) {
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, status) << result->body;
  const auto body = json_of(result);
  EXPECT_EQ(body["success"], false);
  EXPECT_EQ(body["error"]["code"], code) << result->body;
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
}

TEST(HealthRoutes, AnswerWithoutAuthOrWork) {
  TestServer server;
  auto client = server.client();
  const auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  const auto ready = client.Get("/readyz");
  EXPECT_EQ(ready->status, 200);
  EXPECT_EQ(json_of(ready)["store"], "sqlite");
}

TEST(GenerateCity, AnswersTheSeedContractWithinTheWaitWindow) {
  TestServer server;
  const auto result = server.client().Post(
      "/api/generate-city", R"({"place_id": "ChIJD7fiBh9u5kcRYJSMaMOCCwQ"})", "application/json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const auto body = json_of(result);
  EXPECT_EQ(body["success"], true);
  EXPECT_EQ(body["city_id"].get<std::string>().size(), 36u);
  EXPECT_EQ(body["tours"], 4);
  EXPECT_EQ(body["revision"], 1);
  EXPECT_FALSE(body["job_id"].get<std::string>().empty());
}

TEST(GenerateCity, RespondsAsyncWhenAsked) {
  TestServer server;
  auto client = server.client();
  const auto result = client.Post("/api/generate-city",
                                  {{"Prefer", "respond-async"}},
                                  R"({"place_id": "geonames:2735943", "options": {"tours": 2}})",
                                  "application/json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 202) << result->body;
  const auto body = json_of(result);
  EXPECT_EQ(body["success"], true);
  const std::string job_id = body["job_id"];
  EXPECT_EQ(body["status_url"], "/api/jobs/" + job_id);
  EXPECT_EQ(result->get_header_value("Location"), "/api/jobs/" + job_id);
  EXPECT_TRUE(body["status"] == "queued" || body["status"] == "running");
}

TEST(GenerateCity, WaitersBeyondAQuarterOfTheHttpThreadsGet202AtOnce) {
  // 8 threads: 2 may wait. Nobody runs jobs, so a waiter holds its slot for its whole window.
  TestServer server{{{"HTTP_THREADS", "8"}, {"WORKERS", "0"}}};
  auto post = [&](const std::string& place) {
    auto client = server.client();
    const auto begin = std::chrono::steady_clock::now();
    const auto result = client.Post("/api/generate-city",
                                    {{"Prefer", "wait=4"}},
                                    R"({"place_id": ")" + place + R"("})",
                                    "application/json");
    return std::make_pair(result ? result->status : 0, std::chrono::steady_clock::now() - begin);
  };
  auto first = std::async(std::launch::async, post, "geonames:2735943");
  auto second = std::async(std::launch::async, post, "geonames:1857910");
  std::this_thread::sleep_for(std::chrono::seconds(1));  // both are waiting by now
  const auto [status, took] = post("geonames:2993458");
  EXPECT_EQ(status, 202);
  EXPECT_LT(took, std::chrono::seconds(1)) << "answered at once, not after the window";
  EXPECT_EQ(first.get().first, 202) << "its window ran out";
  EXPECT_GE(second.get().second, std::chrono::milliseconds(3500))
      << "it held a slot for its window";
  const auto after = post("geonames:2993458");
  EXPECT_GE(after.second, std::chrono::milliseconds(3500)) << "slots are given back";
}

TEST(GenerateCity, ReturnsAnExistingCityAsIsUnlessForced) {
  TestServer server;
  auto client = server.client();
  const auto first = json_of(
      client.Post("/api/generate-city", R"({"place_id": "geonames:2735943"})", "application/json"));
  const auto again =
      client.Post("/api/generate-city", R"({"place_id": "geonames:2735943"})", "application/json");
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(json_of(again)["city_id"], first["city_id"]);
  EXPECT_EQ(json_of(again)["existing"], true);
  const auto forced = client.Post("/api/generate-city",
                                  R"({"place_id": "geonames:2735943", "options": {"force": true}})",
                                  "application/json");
  EXPECT_EQ(forced->status, 200);
  EXPECT_EQ(json_of(forced)["revision"], 2);
  EXPECT_EQ(json_of(forced)["published"], false) << "later revisions wait for an editor";
}

TEST(GenerateCity, AnExistingCityAnswersWithTheRevisionItsCallerReads) {
  TestServer server{{{"API_KEYS", narrando::testing::kApiKeys}}};
  auto client = server.client();
  const httplib::Headers editor_key = narrando::testing::bearer(narrando::testing::kEditorKey);
  const httplib::Headers app_key = narrando::testing::bearer(narrando::testing::kAppKey);
  const std::string body = R"({"place_id": "geonames:2735943"})";
  ASSERT_EQ(client.Post("/api/generate-city", editor_key, body, "application/json")->status, 200);
  const std::string force = R"({"place_id": "geonames:2735943", "options": {"force": true}})";
  ASSERT_EQ(
      json_of(client.Post("/api/generate-city", editor_key, force, "application/json"))["revision"],
      2);
  // The one rule: an editor works on the draft, the app reads the published revision.
  const auto editor =
      json_of(client.Post("/api/generate-city", editor_key, body, "application/json"));
  EXPECT_EQ(editor["existing"], true);
  EXPECT_EQ(editor["revision"], 2);
  const auto app = json_of(client.Post("/api/generate-city", app_key, body, "application/json"));
  EXPECT_EQ(app["existing"], true);
  EXPECT_EQ(app["revision"], 1);
  EXPECT_EQ(app["published"], true);
}

TEST(GenerateCity, RejectsBadInputWithTheErrorShape) {
  TestServer server;
  auto client = server.client();
  expect_error(
      client.Post("/api/generate-city", "{not json", "application/json"), 400, "invalid_json");
  expect_error(
      client.Post("/api/generate-city", "[1, 2]", "application/json"), 400, "invalid_json");
  expect_error(client.Post("/api/generate-city", "{}", "application/json"), 400, "invalid_request");
  expect_error(client.Post("/api/generate-city", R"({"place_id": 42})", "application/json"),
               400,
               "invalid_request");
  expect_error(client.Post("/api/generate-city", R"({"place_id": "x y"})", "application/json"),
               400,
               "invalid_place_id");
  expect_error(client.Post("/api/generate-city",
                           R"({"place_id": "geonames:2735943", "options": {"tours": "4"}})",
                           "application/json"),
               400,
               "invalid_request");
  expect_error(client.Post("/api/generate-city",
                           R"({"place_id": "geonames:2735943", "extra": 1})",
                           "application/json"),
               400,
               "invalid_request");
  expect_error(client.Post("/api/generate-city",
                           R"({"place_id": "ChIJunknownplace123456"})",
                           "application/json"),
               404,
               "unknown_place");
  expect_error(
      client.Post("/api/generate-city", std::string(1024 * 1024 + 10, ' '), "application/json"),
      413,
      "payload_too_large");
  expect_error(client.Get("/api/nothing-here"), 404, "not_found");
  EXPECT_FALSE(server.services().store->find_city_by_place("geonames:2735943"))
      << "bad input writes nothing";
}

TEST(GenerateCity, AnUnsupportedLanguageIsA400ThatListsTheSupportedOnes) {
  TestServer server;
  auto client = server.client();
  const auto result =
      client.Post("/api/generate-city",
                  R"({"place_id": "geonames:2735943", "options": {"language": "xx"}})",
                  "application/json");
  expect_error(result, 400, "unsupported_language");
  const std::string message = json_of(result)["error"]["message"];
  EXPECT_NE(
      message.find(
          "de (German), en (English), es (Spanish), fr (French), it (Italian), pt (Portuguese)"),
      std::string::npos)
      << message;
  EXPECT_FALSE(server.services().store->find_city_by_place("geonames:2735943"));
}

TEST(GenerateCity, StopNamesAndDescriptionsAreInTheRequestedLanguage) {
  TestServer server;
  auto client = server.client();
  const auto generated =
      json_of(client.Post("/api/generate-city",
                          R"({"place_id": "geonames:2735943", "options": {"language": "de"}})",
                          "application/json"));
  ASSERT_EQ(generated["success"], true) << generated.dump();
  const auto document =
      json_of(client.Get("/api/cities/" + generated["city_id"].get<std::string>()));
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& a : document["attractions"]) by_id[a["id"]] = a;
  int stops = 0;
  for (const auto& tour : document["tours"]) {
    for (const auto& stop : tour["stops"]) {
      ++stops;
      const auto& a = by_id.at(stop["attraction_id"]);
      EXPECT_EQ(stop["name"], a["name"]);
      EXPECT_FALSE(a.value("summary", "").empty()) << a["name"] << " has no description";
      EXPECT_EQ(a["name"].get<std::string>().find("\xC2\xB0"), std::string::npos)
          << "a coordinate is no name";
    }
  }
  EXPECT_GT(stops, 20);
  // Porto's Palácio da Bolsa has a German name in the data (name:de); its Clérigos tower only
  // an English one, which is the fallback.
  bool bolsa = false;
  for (const auto& [id, a] : by_id) {
    bolsa |= a["name"] == "Bolsapalast";
    EXPECT_NE(a["name"], "Palácio da Bolsa") << "the German name wins over the local one";
  }
  EXPECT_TRUE(bolsa);
}

}  // namespace
