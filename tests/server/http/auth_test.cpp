#include <gtest/gtest.h>

#include "server/http/auth.h"
#include "server/http/routes.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

TEST(ConstantTimeEquals, ComparesWholeStrings) {
  EXPECT_TRUE(server::http::constant_time_equals("secret-key", "secret-key"));
  EXPECT_FALSE(server::http::constant_time_equals("secret-key", "secret-kez"));
  EXPECT_FALSE(server::http::constant_time_equals("secret-key", "secret-key-longer"));
  EXPECT_FALSE(server::http::constant_time_equals("", "x"));
  EXPECT_TRUE(server::http::constant_time_equals("", ""));
}

class Auth : public ::testing::Test {
 protected:
  TestServer server{{{"API_KEYS", kApiKeys}}};
  httplib::Client client = server.client();
};

TEST_F(Auth, ProbesAndTheOpenApiDocumentNeedNoKey) {
  for (const char* path : {"/healthz", "/readyz", "/metrics", "/api/openapi.json"}) {
    const auto result = client.Get(path);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200) << path;
  }
}

TEST_F(Auth, NoKeyIs401WithAChallenge) {
  const auto result = client.Get("/api/cities");
  expect_error(result, 401, "unauthorized");
  EXPECT_EQ(result->get_header_value("WWW-Authenticate"), "Bearer");
  expect_error(
      client.Post("/api/generate-city", R"({"place_id": "geonames:2735943"})", "application/json"),
      401,
      "unauthorized");
}

TEST_F(Auth, AWrongKeyIs401) {
  expect_error(client.Get("/api/cities", bearer("not-a-key-0123456789")), 401, "unauthorized");
  expect_error(
      client.Get("/api/cities", {{"Authorization", "Basic " + kAppKey}}), 401, "unauthorized");
  expect_error(client.Get("/api/cities", bearer(kAppKey + "x")), 401, "unauthorized");
}

TEST_F(Auth, TheAppRoleCannotCallEditorRoutes) {
  const std::string city = generate(client, "geonames:2993458", bearer(kAppKey));
  ASSERT_FALSE(city.empty());
  EXPECT_EQ(client.Get("/api/cities/" + city, bearer(kAppKey))->status, 200);
  expect_error(
      client.Post("/api/cities/" + city + "/publish", bearer(kAppKey), "{}", "application/json"),
      403,
      "forbidden");
  expect_error(client.Patch("/api/cities/" + city + "/attractions/a1",
                            bearer(kAppKey),
                            R"({"name": "x"})",
                            "application/json"),
               403,
               "forbidden");
  expect_error(client.Put("/api/cities/" + city + "/tours",
                          bearer(kAppKey),
                          R"({"tours": []})",
                          "application/json"),
               403,
               "forbidden");
  expect_error(
      client.Post("/api/cities/" + city + "/replan", bearer(kAppKey), "{}", "application/json"),
      403,
      "forbidden");
  expect_error(client.Get("/api/jobs/x/events", bearer(kAppKey)), 403, "forbidden");
  EXPECT_EQ(client
                .Post("/api/cities/" + city + "/publish",
                      bearer(kEditorKey),
                      R"({"dry_run": true})",
                      "application/json")
                ->status,
            409)
      << "editors pass the role check (there is no draft yet)";
}

// Sends `method` to `path` with `headers` (a small JSON body where the method takes one).
httplib::Result call(httplib::Client& client,
                     const std::string& method,
                     const std::string& path,
                     const httplib::Headers& headers) {
  if (method == "GET") return client.Get(path, headers);
  if (method == "POST") return client.Post(path, headers, "{}", "application/json");
  if (method == "PUT")
    return client.Put(path, headers, R"({"tours": [{"stops": []}]})", "application/json");
  if (method == "PATCH") return client.Patch(path, headers, R"({"name": "x"})", "application/json");
  ADD_FAILURE() << "no test request for method " << method;
  return client.Get(path, headers);
}

// The OpenAPI template with its parameters filled with real ids, so that a missing access check
// would reach the handler (and answer 200, 202 or 409) instead of a 404.
std::string concrete(std::string path, const std::string& city, const std::string& job) {
  for (const auto& [name, value] :
       {std::pair<std::string, std::string>{"{id}", city}, {"{aid}", "a1"}, {"{job}", job}}) {
    for (std::size_t at = path.find(name); at != std::string::npos; at = path.find(name))
      path.replace(at, name.size(), value);
  }
  return path;
}

TEST_F(Auth, EveryRouteChecksTheKeyAndTheRole) {
  const auto created = client.Post("/api/generate-city",
                                   bearer(kEditorKey),
                                   R"({"place_id": "geonames:2993458"})",
                                   "application/json");
  ASSERT_TRUE(created && created->status == 200) << (created ? created->body : "no response");
  const auto body = nlohmann::json::parse(created->body);
  const std::string city = body["city_id"];
  const std::string job = body["job_id"];
  std::size_t checked = 0;
  for (const auto& route : server::http::route_infos()) {
    const std::string where = route.method + " " + route.path;
    const std::string path = concrete(route.path, route.access == "public" ? "" : city, job);
    if (route.access == "public") {
      EXPECT_NE(call(client, route.method, path, {})->status, 401) << where;
      continue;
    }
    expect_error(call(client, route.method, path, {}), 401, "unauthorized");
    expect_error(call(client, route.method, path, bearer("wrong-key-0123456789abcdef")),
                 401,
                 "unauthorized");
    const auto as_app = call(client, route.method, path, bearer(kAppKey));
    ASSERT_TRUE(as_app) << where;
    if (route.access == "editor") {
      EXPECT_EQ(as_app->status, 403) << where << ": " << as_app->body;
    } else {
      EXPECT_NE(as_app->status, 401) << where;
      EXPECT_NE(as_app->status, 403) << where;
    }
    ++checked;
  }
  EXPECT_GE(checked, 12u) << "every keyed route of DESIGN §3";
}

TEST(AuthDevelopmentMode, WithoutKeysEveryoneIsAnEditor) {
  TestServer server;
  auto client = server.client();
  EXPECT_EQ(client.Get("/api/cities")->status, 200);
}

}  // namespace
