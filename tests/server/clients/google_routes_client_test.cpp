#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "server/clients/google_routes_client.h"
#include "server/errors.h"
#include "server/offline/walking_distance_provider.h"
#include "shared/algo/geo.h"
#include "shared/algo/polyline.h"
#include "shared/algo/tour_planning.h"
#include "tests/fakes/fake_google.h"
#include "tests/server/clients/client_fixture.h"

namespace {

using namespace narrando::testing;
using server::clients::GoogleRoutesDistanceProvider;
using server::clients::RoutesPolicy;

constexpr const char* kKey = "AIzaFakeKeyForTests0123";

std::vector<core::model::GeoPoint> line_of_points(int count) {
  std::vector<core::model::GeoPoint> points;
  for (int i = 0; i < count; ++i) points.push_back({41.14 + 0.001 * i, -8.61 + 0.0007 * (i % 7)});
  return points;
}

class GoogleRoutes : public ::testing::Test {
 protected:
  GoogleRoutesDistanceProvider provider(RoutesPolicy policy, int max_points = 40) {
    return GoogleRoutesDistanceProvider(
        loopback.caller,
        {kKey, policy, max_points},
        loopback.prices,
        std::make_unique<server::offline::WalkingDistanceProvider>());
  }
  FakeGoogle fake{kKey};
  LoopbackCaller loopback{"routes", fake.base_url()};
  server::pipeline::RunContext context;
  core::model::GenerationOptions options;
  core::model::City city;
};

TEST(DurationSeconds, ParsesProtobufDurations) {
  EXPECT_DOUBLE_EQ(server::clients::duration_seconds("1040s"), 1040.0);
  EXPECT_DOUBLE_EQ(server::clients::duration_seconds("3.5s"), 3.5);
  EXPECT_DOUBLE_EQ(server::clients::duration_seconds("0s"), 0.0);
  EXPECT_DOUBLE_EQ(server::clients::duration_seconds(""), 0.0);
  EXPECT_DOUBLE_EQ(server::clients::duration_seconds("12"), 0.0);
  EXPECT_DOUBLE_EQ(server::clients::duration_seconds("abcs"), 0.0);
}

TEST_F(GoogleRoutes, AsksMatricesInBlocksOfAtMost625Elements) {
  const auto points =
      line_of_points(30);  // 30 x 30 = 900 elements: 4 blocks (25x25, 25x5, 5x25, 5x5)
  const auto matrix = provider(RoutesPolicy::Matrix).matrix(city, points, options, context);
  EXPECT_EQ(fake.requests("computeRouteMatrix"), 4);
  ASSERT_EQ(context.calls.size(), 4u);
  EXPECT_NEAR(context.calls[0].cost_usd, 625 * 0.005, 1e-9) << "billed per element";
  for (int i = 0; i < 30; ++i) {
    for (int j = 0; j < 30; ++j) {
      const double straight = core::algo::haversine_m(points[static_cast<std::size_t>(i)],
                                                      points[static_cast<std::size_t>(j)]);
      EXPECT_NEAR(matrix.metres(i, j), std::round(straight * 1.25), 1.0) << i << "," << j;
      EXPECT_NEAR(matrix.minutes(i, j), matrix.metres(i, j) / 1.3 / 60.0, 0.02);
    }
  }
}

TEST_F(GoogleRoutes, TheFakeRefusesWhatGoogleRefuses) {
  httplib::Client raw("127.0.0.1", fake.port());
  const std::string body = nlohmann::json{
      {"origins",
       {{{"waypoint", {{"location", {{"latLng", {{"latitude", 41.1}, {"longitude", -8.6}}}}}}}}}},
      {"destinations",
       {{{"waypoint", {{"location", {{"latLng", {{"latitude", 41.2}, {"longitude", -8.6}}}}}}}}}},
      {"travelMode", "WALK"}}.dump();
  for (const char* path :
       {"/distanceMatrix/v2:computeRouteMatrix", "/directions/v2:computeRoutes"}) {
    const auto bad_key = raw.Post(path,
                                  {{"X-Goog-Api-Key", "AIzaWrong"}, {"X-Goog-FieldMask", "*"}},
                                  body,
                                  "application/json");
    ASSERT_TRUE(bad_key);
    EXPECT_EQ(bad_key->status, 400) << path;
    const auto error = nlohmann::json::parse(bad_key->body)["error"];
    EXPECT_EQ(error["status"], "INVALID_ARGUMENT");
    EXPECT_EQ(error["message"], "API key not valid. Please pass a valid API key.");
    EXPECT_EQ(error["details"][0]["@type"], "type.googleapis.com/google.rpc.ErrorInfo");
    EXPECT_EQ(error["details"][0]["reason"], "API_KEY_INVALID");
    EXPECT_EQ(error["details"][0]["metadata"]["service"], "routes.googleapis.com");
    const auto no_mask = raw.Post(path, {{"X-Goog-Api-Key", kKey}}, body, "application/json");
    EXPECT_EQ(no_mask->status, 400) << path;
    EXPECT_EQ(nlohmann::json::parse(no_mask->body)["error"]["message"].get<std::string>().rfind(
                  "FieldMask is a required parameter. See "
                  "https://cloud.google.com/apis/docs/system-parameters",
                  0),
              0u)
        << no_mask->body;
    const auto bad_field = raw.Post(path,
                                    {{"X-Goog-Api-Key", kKey}, {"X-Goog-FieldMask", "places.id"}},
                                    body,
                                    "application/json");
    EXPECT_EQ(bad_field->status, 400) << path;
  }
}

TEST_F(GoogleRoutes, TheFakeAnswersOnlyTheMaskedFields) {
  fake.set_unroutable({{0, 1}});
  fake.set_element_errors({{1, 0}});
  httplib::Client raw("127.0.0.1", fake.port());
  nlohmann::json body{{"origins", nlohmann::json::array()},
                      {"destinations", nlohmann::json::array()},
                      {"travelMode", "WALK"}};
  for (const auto& p : line_of_points(2)) {
    const nlohmann::json w{
        {"waypoint",
         {{"location", {{"latLng", {{"latitude", p.lat_deg}, {"longitude", p.lon_deg}}}}}}}};
    body["origins"].push_back(w);
    body["destinations"].push_back(w);
  }
  const auto ask = [&](const std::string& mask) {
    const auto result = raw.Post("/distanceMatrix/v2:computeRouteMatrix",
                                 {{"X-Goog-Api-Key", kKey}, {"X-Goog-FieldMask", mask}},
                                 body.dump(),
                                 "application/json");
    EXPECT_EQ(result->status, 200) << result->body;
    std::map<std::pair<int, int>, nlohmann::json> by_pair;
    for (const auto& e : nlohmann::json::parse(result->body))
      by_pair[{e.value("originIndex", 0), e.value("destinationIndex", 0)}] = e;
    return by_pair;
  };
  // Without status and condition in the mask, a failed element and one without a route are
  // indistinguishable from a 0 m walk: the reason the client always asks for both.
  const auto bare = ask("originIndex,destinationIndex,distanceMeters,duration");
  EXPECT_EQ(bare.at({0, 1}), (nlohmann::json{{"originIndex", 0}, {"destinationIndex", 1}}));
  EXPECT_EQ(bare.at({1, 0}), (nlohmann::json{{"originIndex", 1}, {"destinationIndex", 0}}));
  EXPECT_FALSE(bare.at({1, 1}).contains("status"));
  const auto full = ask(server::clients::GoogleRoutesDistanceProvider::matrix_mask());
  EXPECT_EQ(full.at({0, 1})["condition"], "ROUTE_NOT_FOUND");
  EXPECT_FALSE(full.at({0, 1}).contains("distanceMeters"));
  EXPECT_EQ(full.at({1, 0})["status"]["code"], 5);
  EXPECT_FALSE(full.at({1, 0}).contains("condition")) << "the default enum is omitted";
  EXPECT_EQ(full.at({1, 1})["status"], nlohmann::json::object()) << "an OK status is {}";
  EXPECT_EQ(full.at({1, 1})["duration"], "0s");
  EXPECT_FALSE(full.at({1, 1}).contains("distanceMeters")) << "proto3 omits 0";

  const auto routes =
      raw.Post("/directions/v2:computeRoutes",
               {{"X-Goog-Api-Key", kKey}, {"X-Goog-FieldMask", "routes.legs.duration"}},
               nlohmann::json{{"origin", body["origins"][0]["waypoint"]},
                              {"destination", body["origins"][1]["waypoint"]},
                              {"travelMode", "WALK"}}
                   .dump(),
               "application/json");
  const auto answer = nlohmann::json::parse(routes->body);
  ASSERT_EQ(answer.size(), 1u) << routes->body;
  ASSERT_EQ(answer["routes"][0].size(), 1u)
      << "no route-level distance or duration: " << routes->body;
  const auto& leg = answer["routes"][0]["legs"][0];
  EXPECT_EQ(leg.size(), 1u) << routes->body;
  EXPECT_TRUE(leg.contains("duration")) << routes->body;
}

TEST_F(GoogleRoutes, TreatsPairsWithoutARouteOrWithAFailedElementAsUnreachable) {
  fake.set_unroutable({{0, 1}});
  fake.set_element_errors({{2, 0}, {3, 3}});
  const auto points = line_of_points(5);
  const auto matrix = provider(RoutesPolicy::Matrix).matrix(city, points, options, context);
  for (const auto& [from, to] : {std::make_pair(0, 1), std::make_pair(2, 0)}) {
    EXPECT_GE(matrix.minutes(from, to), 10000.0)
        << from << "," << to << ": longer than any tour, never 0";
    EXPECT_GE(matrix.metres(from, to), 10000.0) << from << "," << to;
  }
  EXPECT_NEAR(
      matrix.metres(1, 0), std::round(core::algo::haversine_m(points[1], points[0]) * 1.25), 1.0)
      << "the reverse direction has its route";
  EXPECT_GT(matrix.minutes(0, 2), 0.0);
  ASSERT_EQ(context.notes.size(), 1u);
  EXPECT_EQ(context.notes[0],
            "2 pairs without a walking route (ROUTE_NOT_FOUND or a failed element): never walked");
}

TEST_F(GoogleRoutes, PlansNoTourThroughAnUnreachablePair) {
  // Five stops in a row; Routes walks none of the pairs between stops 1 and 2 (matrix indices
  // with the free start: the attractions only). The planner must keep them apart.
  std::vector<core::model::Attraction> attractions;
  for (const auto& p : line_of_points(5)) {
    core::model::Attraction a;
    a.id = "a" + std::to_string(attractions.size());
    a.name = "Stop " + a.id;
    a.location = p;
    a.included = true;
    a.interest_score = 50;
    a.visit_minutes = 10;
    attractions.push_back(a);
  }
  options.tours = 1;
  const auto points = core::algo::plan_points(attractions, options);
  ASSERT_EQ(points.points.size(), 5u);
  fake.set_unroutable({{1, 2}, {2, 1}});
  const auto matrix = provider(RoutesPolicy::Matrix).matrix(city, points.points, options, context);
  const auto plan = core::algo::plan_tours(attractions, points, matrix, options, {}, {});
  ASSERT_EQ(plan.tours.size(), 1u);
  const auto& stops = plan.tours[0].stops;
  EXPECT_EQ(stops.size(), 5u) << "every stop still fits, in an order that avoids the pair";
  for (std::size_t k = 1; k < stops.size(); ++k) {
    const bool a1_a2 = (stops[k - 1].attraction_id == "a1" && stops[k].attraction_id == "a2") ||
                       (stops[k - 1].attraction_id == "a2" && stops[k].attraction_id == "a1");
    EXPECT_FALSE(a1_a2) << "walked a pair Routes has no route for";
  }
  EXPECT_LT(plan.tours[0].total_minutes, 180.0);
}

TEST_F(GoogleRoutes, AWrongKeyFailsAtOnceWithoutLeakingIt) {
  const std::string wrong = "AIzaWrongRoutesKey000";
  GoogleRoutesDistanceProvider routes(loopback.caller,
                                      {wrong, RoutesPolicy::Matrix, 40},
                                      loopback.prices,
                                      std::make_unique<server::offline::WalkingDistanceProvider>());
  try {
    routes.matrix(city, line_of_points(4), options, context);
    FAIL() << "a wrong key passed";
  } catch (const server::UpstreamError& e) {
    EXPECT_FALSE(e.retryable());
    EXPECT_NE(std::string(e.what()).find("HTTP 400 INVALID_ARGUMENT: API key not valid"),
              std::string::npos)
        << e.what();
    EXPECT_EQ(std::string(e.what()).find(wrong), std::string::npos) << "the key never appears";
  }
  EXPECT_EQ(fake.requests("computeRouteMatrix"), 1) << "a 400 is not retried";
}

TEST_F(GoogleRoutes, RetriesARateLimitHonouringRetryAfter) {
  LoopbackCaller patient{"routes",
                         fake.base_url(),
                         std::chrono::seconds(5),
                         {4, std::chrono::milliseconds(10), std::chrono::milliseconds(10000)}};
  GoogleRoutesDistanceProvider routes(patient.caller,
                                      {kKey, RoutesPolicy::Matrix, 40},
                                      patient.prices,
                                      std::make_unique<server::offline::WalkingDistanceProvider>());
  fake.inject("computeRouteMatrix", {429, "", "application/json", "3", {}, false});
  fake.inject("computeRoutes", {429, "", "application/json", "2", {}, false});
  const auto points = line_of_points(4);
  const auto matrix = routes.matrix(city, points, options, context);
  EXPECT_NEAR(
      matrix.metres(0, 3), std::round(core::algo::haversine_m(points[0], points[3]) * 1.25), 1.0);
  core::model::Tour tour;
  tour.title = "Tour 1";
  tour.budget_minutes = 180;
  for (const auto& p : points) tour.stops.push_back({"a", "Stop", p, 10, 50, false});
  std::vector<core::model::Tour> tours{tour};
  routes.legs(city, tours, options, context);
  EXPECT_TRUE(context.notes.empty());
  EXPECT_EQ(tours[0].legs.size(), 3u);
  EXPECT_EQ(fake.requests("computeRouteMatrix"), 2);
  EXPECT_EQ(fake.requests("computeRoutes"), 2);
  ASSERT_EQ(patient.sleeps.size(), 2u);
  EXPECT_EQ(patient.sleeps[0], std::chrono::milliseconds(3000)) << "Retry-After: 3";
  EXPECT_EQ(patient.sleeps[1], std::chrono::milliseconds(2000)) << "Retry-After: 2";
  ASSERT_EQ(context.calls.size(), 4u);
  EXPECT_EQ(context.calls[0].status, 429);
  EXPECT_EQ(context.calls[0].cost_usd, 0.0) << "a refused call is not billed";
  EXPECT_EQ(context.calls[1].attempt, 2);
  EXPECT_GT(context.calls[1].cost_usd, 0.0);
}

TEST_F(GoogleRoutes, KeepsTheWalkingModelWhenTheCityIsTooBigForAMatrix) {
  provider(RoutesPolicy::Matrix, 10).matrix(city, line_of_points(30), options, context);
  provider(RoutesPolicy::Legs).matrix(city, line_of_points(5), options, context);
  EXPECT_EQ(fake.requests("computeRouteMatrix"), 0);
  EXPECT_TRUE(context.calls.empty());
}

TEST_F(GoogleRoutes, ReplacesLegsWithWalkingPaths) {
  core::model::Tour tour;
  tour.title = "Tour 1";
  tour.budget_minutes = 180;
  tour.start = core::model::GeoPoint{41.140, -8.610};
  tour.end = tour.start;
  for (const auto& p : line_of_points(4)) tour.stops.push_back({"a", "Stop", p, 10, 50, false});
  std::vector<core::model::Tour> tours{tour};
  provider(RoutesPolicy::Legs).legs(city, tours, options, context);
  ASSERT_EQ(tours[0].legs.size(), 5u);
  for (const auto& leg : tours[0].legs) {
    EXPECT_EQ(core::algo::decode_polyline(leg.polyline).size(), 3u)
        << "the fake's path has a midpoint";
  }
  EXPECT_GT(tours[0].walk_distance_m, 0.0);
  EXPECT_EQ(fake.requests("computeRoutes"), 1) << "one call per tour";
  EXPECT_EQ(context.calls[0].sku, "routes.compute_routes.essentials");
}

TEST_F(GoogleRoutes, KeepsStraightLegsWhenRoutesFails) {
  core::model::Tour tour;
  tour.title = "Tour 1";
  for (const auto& p : line_of_points(3)) tour.stops.push_back({"a", "Stop", p, 10, 50, false});
  tour.legs = {{100, 1, "x"}, {100, 1, "y"}};
  for (int i = 0; i < 4; ++i)
    fake.inject("computeRoutes", {500, "", "application/json", "", {}, false});
  std::vector<core::model::Tour> tours{tour};
  provider(RoutesPolicy::Legs).legs(city, tours, options, context);
  EXPECT_EQ(tours[0].legs, tour.legs);
  ASSERT_EQ(context.notes.size(), 1u);
  EXPECT_NE(context.notes[0].find("planned legs kept"), std::string::npos);
}

}  // namespace
