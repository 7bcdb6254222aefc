#include <gtest/gtest.h>

#include "server/clients/google_routes_client.h"
#include "shared/algo/geo.h"
#include "shared/algo/polyline.h"
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
    return GoogleRoutesDistanceProvider(loopback.caller, {kKey, policy, max_points}, loopback.prices);
  }
  FakeGoogle fake{kKey};
  LoopbackCaller loopback{"routes", fake.base_url()};
  server::pipeline::RunContext context;
  core::model::GenerationOptions options;
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
  const auto points = line_of_points(30);  // 30 x 30 = 900 elements: 4 blocks (25x25, 25x5, 5x25, 5x5)
  const auto matrix = provider(RoutesPolicy::Matrix).matrix(points, options, context);
  EXPECT_EQ(fake.requests("computeRouteMatrix"), 4);
  ASSERT_EQ(context.calls.size(), 4u);
  EXPECT_NEAR(context.calls[0].cost_usd, 625 * 0.005, 1e-9) << "billed per element";
  for (int i = 0; i < 30; ++i) {
    for (int j = 0; j < 30; ++j) {
      const double straight = core::algo::haversine_m(points[static_cast<std::size_t>(i)], points[static_cast<std::size_t>(j)]);
      EXPECT_NEAR(matrix.metres(i, j), std::round(straight * 1.25), 1.0) << i << "," << j;
      EXPECT_NEAR(matrix.minutes(i, j), matrix.metres(i, j) / 1.3 / 60.0, 0.02);
    }
  }
}

TEST_F(GoogleRoutes, EstimatesPairsWithoutARouteAndSaysSo) {
  fake.set_unroutable({{0, 1}, {2, 0}});
  const auto points = line_of_points(5);
  const auto matrix = provider(RoutesPolicy::Matrix).matrix(points, options, context);
  EXPECT_NEAR(matrix.metres(0, 1), core::algo::haversine_m(points[0], points[1]) * options.detour_factor, 1e-6);
  ASSERT_EQ(context.notes.size(), 1u);
  EXPECT_EQ(context.notes[0], "2 pairs without a walking route: walking model estimates");
}

TEST_F(GoogleRoutes, KeepsTheWalkingModelWhenTheCityIsTooBigForAMatrix) {
  provider(RoutesPolicy::Matrix, 10).matrix(line_of_points(30), options, context);
  provider(RoutesPolicy::Legs).matrix(line_of_points(5), options, context);
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
  provider(RoutesPolicy::Legs).legs(tours, options, context);
  ASSERT_EQ(tours[0].legs.size(), 5u);
  for (const auto& leg : tours[0].legs) {
    EXPECT_EQ(core::algo::decode_polyline(leg.polyline).size(), 3u) << "the fake's path has a midpoint";
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
  for (int i = 0; i < 4; ++i) fake.inject("computeRoutes", {500, "", "application/json", "", {}, false});
  std::vector<core::model::Tour> tours{tour};
  provider(RoutesPolicy::Legs).legs(tours, options, context);
  EXPECT_EQ(tours[0].legs, tour.legs);
  ASSERT_EQ(context.notes.size(), 1u);
  EXPECT_NE(context.notes[0].find("straight legs kept"), std::string::npos);
}

}  // namespace
