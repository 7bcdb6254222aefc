#include <gtest/gtest.h>

#include "server/http/auth.h"
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
  expect_error(client.Post("/api/generate-city", R"({"place_id": "geonames:2735943"})", "application/json"), 401,
               "unauthorized");
}

TEST_F(Auth, AWrongKeyIs401) {
  expect_error(client.Get("/api/cities", bearer("not-a-key-0123456789")), 401, "unauthorized");
  expect_error(client.Get("/api/cities", {{"Authorization", "Basic " + kAppKey}}), 401, "unauthorized");
  expect_error(client.Get("/api/cities", bearer(kAppKey + "x")), 401, "unauthorized");
}

TEST_F(Auth, TheAppRoleCannotCallEditorRoutes) {
  const std::string city = generate(client, "geonames:2993458", bearer(kAppKey));
  ASSERT_FALSE(city.empty());
  EXPECT_EQ(client.Get("/api/cities/" + city, bearer(kAppKey))->status, 200);
  expect_error(client.Post("/api/cities/" + city + "/publish", bearer(kAppKey), "{}", "application/json"), 403,
               "forbidden");
  expect_error(client.Patch("/api/cities/" + city + "/attractions/a1", bearer(kAppKey), R"({"name": "x"})",
                            "application/json"),
               403, "forbidden");
  expect_error(client.Put("/api/cities/" + city + "/tours", bearer(kAppKey), R"({"tours": []})", "application/json"),
               403, "forbidden");
  expect_error(client.Post("/api/cities/" + city + "/replan", bearer(kAppKey), "{}", "application/json"), 403,
               "forbidden");
  expect_error(client.Get("/api/jobs/x/events", bearer(kAppKey)), 403, "forbidden");
  EXPECT_EQ(client.Post("/api/cities/" + city + "/publish", bearer(kEditorKey), R"({"dry_run": true})",
                        "application/json")
                ->status,
            409)
      << "editors pass the role check (there is no draft yet)";
}

TEST(AuthDevelopmentMode, WithoutKeysEveryoneIsAnEditor) {
  TestServer server;
  auto client = server.client();
  EXPECT_EQ(client.Get("/api/cities")->status, 200);
}

}  // namespace
