// No empty city (issue 15, finding 7): a generation that yields no tour (here a start point on the
// other side of the globe) fails with its reason and stores nothing the app can see; publish
// refuses a revision without tours, so the app never reads a city without them.
#include <gtest/gtest.h>

#include "tests/server/http/http_helpers.h"
#include "tests/support/test_server.h"

namespace {

using namespace narrando::testing;

// Porto's antipode is in the Pacific, east of New Zealand: no stop is within walking distance.
constexpr const char* kFarStart = R"({"start": {"lat": -41.15, "lon": 171.39}})";

TEST(NoEmptyCity, AGenerationWithoutAnyTourFailsWithItsReasonAndStoresNoCity) {
  TestServer server;
  httplib::Client client = server.client();
  const auto result =
      client.Post("/api/generate-city",
                  std::string(R"({"place_id": "geonames:2735943", "options": )") + kFarStart + "}",
                  "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422) << result->body;
  const nlohmann::json body = nlohmann::json::parse(result->body);
  EXPECT_EQ(body["error"]["code"], "no_tours") << result->body;
  EXPECT_NE(body["error"]["message"].get<std::string>().find("no tour"), std::string::npos)
      << result->body;
  EXPECT_FALSE(server.services().store->find_city_by_place("geonames:2735943").has_value())
      << "a city without tours was stored";
  EXPECT_EQ(json_of(client.Get("/api/cities"))["cities"].size(), 0u);
}

TEST(NoEmptyCity, PublishRefusesARevisionWithoutTours) {
  TestServer server{{{"AUTO_PUBLISH", "first"}}};
  httplib::Client client = server.client();
  const std::string city = generate(client, "geonames:2735943");
  const auto published = json_of(client.Get("/api/cities/" + city));
  ASSERT_GT(published["tours"].size(), 0u);
  // A replan from the far start leaves a draft without tours.
  const auto replan = client.Post("/api/cities/" + city + "/replan",
                                  std::string(R"({"options": )") + kFarStart + "}",
                                  "application/json");
  ASSERT_TRUE(replan);
  ASSERT_EQ(replan->status, 200) << replan->body;
  ASSERT_EQ(json_of(client.Get("/api/cities/" + city))["tours"].size(), 0u)
      << "the draft has no tours";
  expect_error(
      client.Post("/api/cities/" + city + "/publish", "", "application/json"), 409, "no_tours");
  // What the app reads: the published revision, unchanged.
  const auto stored = server.services().store->find_city(city);
  ASSERT_TRUE(stored && stored->published_revision);
  EXPECT_EQ(*stored->published_revision, published["revision"]["number"].get<int>());
  const auto app_view = json_of(client.Get(
      "/api/cities/" + city + "?revision=" + std::to_string(*stored->published_revision)));
  EXPECT_EQ(app_view["tours"].size(), published["tours"].size());
}

}  // namespace
