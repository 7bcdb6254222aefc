// What a JSON route accepts as its body: JSON by its media type, text every backend can store, and
// errors that never repeat what the database said.
#include <gtest/gtest.h>

#include "server/storage/sqlite_database.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/raw_http.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

class JsonRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    city = generate(client, "geonames:2993458");
    const auto document = json_of(client.Get("/api/cities/" + city));
    attraction = document["attractions"][0]["id"];
    name = document["attractions"][0]["name"];
  }
  // Every route with a JSON body, and a body it would accept.
  std::vector<std::tuple<std::string, std::string, std::string>> routes() const {
    return {
        {"POST", "/api/generate-city", R"({"place_id": "geonames:2993458"})"},
        {"PATCH", "/api/cities/" + city + "/attractions/" + attraction, R"({"visit_minutes": 25})"},
        {"POST", "/api/cities/" + city + "/replan", "{}"},
        {"POST", "/api/cities/" + city + "/publish", R"({"dry_run": true})"}};
  }
  httplib::Result send(const std::string& method,
                       const std::string& path,
                       const std::string& body,
                       const std::string& content_type) {
    httplib::Request request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.set_header("Content-Type", content_type);
    return client.send(request);
  }

  TestServer server;
  httplib::Client client = server.client();
  std::string city;
  std::string attraction;
  std::string name;
};

TEST_F(JsonRoutes, BodiesThatAreNotJsonByTheirContentTypeAre415) {
  for (const auto& [method, path, body] : routes()) {
    for (const std::string type : {"text/plain",
                                   "application/x-www-form-urlencoded",
                                   "application/xml",
                                   "application/json-patch+json",
                                   "application/json; charset=iso-8859-1"}) {
      expect_error(send(method, path, body, type), 415, "unsupported_media_type");
    }
    // Without any Content-Type (httplib::Client always sends one).
    const RawExchange bare =
        raw_exchange(server.port(),
                     method + " " + path + " HTTP/1.1\r\nHost: x\r\n" +
                         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n",
                     "",
                     0,
                     body);
    EXPECT_EQ(bare.status(), 415) << method << " " << path << ": " << bare.response.substr(0, 300);
  }
  EXPECT_EQ(json_of(client.Get("/api/cities/" + city))["revision"]["number"], 1)
      << "nothing was written";
}

TEST_F(JsonRoutes, JsonWithParametersOrAnyCaseIsAccepted) {
  for (const std::string type : {"application/json; charset=utf-8",
                                 "Application/JSON",
                                 "application/json;charset=\"UTF-8\"",
                                 "application/json ; charset=utf8"}) {
    for (const auto& [method, path, body] : routes()) {
      const auto result = send(method, path, body, type);
      ASSERT_TRUE(result);
      EXPECT_EQ(result->status, 200)
          << type << " " << method << " " << path << ": " << result->body;
    }
  }
}

TEST_F(JsonRoutes, AnEmptyBodyNeedsNoContentType) {
  for (const std::string action : {"replan", "publish"}) {
    const RawExchange exchange =
        raw_exchange(server.port(),
                     "POST /api/cities/" + city + "/" + action +
                         " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    EXPECT_LT(exchange.status(), 415) << action << ": " << exchange.response.substr(0, 300);
    EXPECT_NE(exchange.status(), 0);
  }
}

TEST_F(JsonRoutes, NulCharactersAreRefusedNamingTheFieldAndNothingIsStored) {
  const std::string patch = "/api/cities/" + city + "/attractions/" + attraction;
  const std::vector<std::tuple<std::string, std::string, std::string, std::string>> cases{
      {"PATCH", patch, R"({"name": "a\u0000b"})", "name"},
      {"PATCH", patch, R"({"description": "\u0000"})", "description"},
      {"POST", "/api/generate-city", R"({"place_id": "geonames:2993458\u0000"})", "place_id"},
      {"PUT",
       "/api/cities/" + city + "/tours",
       R"({"tours": [{"stops": [{"attraction_id": "a\u0000"}]}]})",
       "tours[0].stops[0].attraction_id"}};
  for (const auto& [method, path, body, field] : cases) {
    const auto result = send(method, path, body, "application/json");
    expect_error(result, 400, "invalid_request");
    EXPECT_NE(json_of(result)["error"]["message"].get<std::string>().find(field), std::string::npos)
        << result->body;
  }
  const auto document = json_of(client.Get("/api/cities/" + city));
  EXPECT_EQ(document["revision"]["number"], 1);
  EXPECT_EQ(document["attractions"][0]["name"], name);
}

TEST(StorageErrors, TheDatabasesOwnWordsNeverReachTheClient) {
  TempDir dir;
  const std::string db = dir.file("n.db");
  TestServer server{{{"NARRANDO_DB", db}}};
  auto client = server.client();
  {
    server::storage::SqliteDatabase other(
        db);  // another connection breaks the schema under the server
    other.transact([](server::storage::SqlSession& session) {
      session.execute_script("ALTER TABLE jobs RENAME TO gone");
    });
  }
  const auto result =
      client.Post("/api/generate-city", R"({"place_id": "geonames:2993458"})", "application/json");
  expect_error(result, 503, "storage_unavailable");
  const std::string message = json_of(result)["error"]["message"];
  for (const char* leak : {"jobs", "sqlite", "no such table", "SELECT", "INSERT"}) {
    EXPECT_EQ(message.find(leak), std::string::npos) << message;
  }
}

}  // namespace
