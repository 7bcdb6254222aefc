// The HTTP service on PostgreSQL refuses the text PostgreSQL cannot store exactly as it does on
// SQLite (400 naming the member, before any SQL), and never repeats a database error to a client.
#include <gtest/gtest.h>

#include "server/storage/postgres_database.h"
#include "tests/postgres/postgres_test_support.h"
#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

TEST(PostgresHttpInput, NulCharactersAre400NamingTheMemberNot503) {
  NARRANDO_REQUIRE_POSTGRES_OR_SKIP();
  PostgresSchema schema;
  TestServer server{{{"DATABASE_URL", schema.url()}}};
  auto client = server.client();
  const std::string city = generate(client, "geonames:2993458");
  ASSERT_FALSE(city.empty());
  const std::string attraction = json_of(client.Get("/api/cities/" + city))["attractions"][0]["id"];
  const std::string patch = "/api/cities/" + city + "/attractions/" + attraction;
  for (const auto& [body, member] : {std::pair{R"({"name": "a\u0000b"})", "name"},
                                     std::pair{R"({"description": "x\u0000"})", "description"},
                                     std::pair{R"({"n\u0000ame": "x"})", "member name"}}) {
    const auto result = client.Patch(patch, body, "application/json");
    expect_error(result, 400, "invalid_request");
    EXPECT_NE(result->body.find(member), std::string::npos) << result->body;
  }
  expect_error(client.Post("/api/generate-city",
                           R"({"place_id": "geonames:2993458\u0000"})",
                           "application/json"),
               400,
               "invalid_request");
  // Other text, controls included, is stored and read back as sent.
  const auto renamed =
      client.Patch(patch, R"({"name": "Caf\u00e9\ttab \ud83d\ude00"})", "application/json");
  ASSERT_EQ(renamed->status, 200) << renamed->body;
  EXPECT_EQ(json_of(client.Get("/api/cities/" + city))["attractions"][0]["editor"]["name"],
            "Caf\u00e9\ttab \U0001F600");
}

TEST(PostgresHttpInput, DatabaseErrorsAreLoggedNotReturned) {
  NARRANDO_REQUIRE_POSTGRES_OR_SKIP();
  PostgresSchema schema;
  TestServer server{{{"DATABASE_URL", schema.url()}}};
  auto client = server.client();
  server::storage::PostgresDatabase admin(schema.url(), 1);
  admin.transact([](server::storage::SqlSession& s) {
    s.execute_script("ALTER TABLE jobs RENAME TO jobs_gone");
  });
  const auto result =
      client.Post("/api/generate-city", R"({"place_id": "geonames:2993458"})", "application/json");
  expect_error(result, 503, "storage_unavailable");
  const std::string message = json_of(result)["error"]["message"];
  for (const char* leak : {"jobs", "postgres", "relation", "does not exist", "SELECT", "ERROR"}) {
    EXPECT_EQ(message.find(leak), std::string::npos) << message;
  }
}

}  // namespace
