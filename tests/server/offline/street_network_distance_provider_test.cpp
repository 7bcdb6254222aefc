// Distances and legs on the embedded street networks (data/walking/), with the walking model where
// a city has none or its network reaches too few points.
#include "server/offline/street_network_distance_provider.h"

#include <gtest/gtest.h>

#include "server/errors.h"
#include "server/offline/embedded_catalogue.h"
#include "server/offline/embedded_network_source.h"
#include "server/offline/walking_networks.h"
#include "shared/algo/geo.h"
#include "shared/algo/polyline.h"
#include "shared/algo/tour_planning.h"

namespace server::offline {
namespace {

StreetNetworkDistanceProvider provider() {
  std::vector<std::unique_ptr<pipeline::NetworkSource>> sources;
  sources.push_back(std::make_unique<EmbeddedNetworkSource>(EmbeddedCatalogue::builtin(),
                                                            WalkingNetworks::builtin()));
  return StreetNetworkDistanceProvider(std::move(sources));
}

const EmbeddedCity& city(const char* key) {
  for (const EmbeddedCity& c : EmbeddedCatalogue::builtin().cities()) {
    if (c.key == key) return c;
  }
  throw std::logic_error("no such embedded city");
}

// The first `count` candidates of an embedded city.
std::vector<core::model::GeoPoint> candidates(const char* key, std::size_t count) {
  std::vector<core::model::GeoPoint> points;
  for (const EmbeddedPoi* poi : EmbeddedCatalogue::builtin().pois_of(key)) {
    if (points.size() == count) break;
    points.push_back(poi->attraction.location);
  }
  return points;
}

std::string joined(const std::vector<std::string>& notes) {
  std::string text;
  for (const std::string& note : notes) text += note + "\n";
  return text;
}

TEST(StreetNetworkDistances, WalksPortoOnItsStreetsNeverShorterThanTheStraightLine) {
  auto distances = provider();
  const auto points = candidates("porto", 40);
  pipeline::RunContext context;
  core::model::GenerationOptions options;
  const auto matrix = distances.matrix(city("porto").city, points, options, context);
  EXPECT_NE(joined(context.notes).find("street network: 40 points"), std::string::npos)
      << joined(context.notes);
  double street = 0.0;
  double straight = 0.0;
  for (int i = 0; i < 40; ++i) {
    for (int j = 0; j < 40; ++j) {
      if (i == j) continue;
      const double line = core::algo::haversine_m(points[static_cast<std::size_t>(i)],
                                                  points[static_cast<std::size_t>(j)]);
      EXPECT_GE(matrix.metres(i, j), line - 1.0);
      EXPECT_NEAR(matrix.minutes(i, j),
                  matrix.metres(i, j) / (4500.0 / 60.0),
                  0.5 + matrix.minutes(i, j) * 0.35)
          << "about 4.5 km/h; slow surfaces and ferries aside";
      street += matrix.metres(i, j);
      straight += line;
    }
  }
  EXPECT_GT(street / straight, 1.15) << "a historic centre on a hill by a river: streets wind";
}

TEST(StreetNetworkDistances, LegsFollowTheStreetsWithTheMatrixMinutes) {
  auto distances = provider();
  const auto points = candidates("porto", 4);
  pipeline::RunContext context;
  core::model::GenerationOptions options;
  const auto matrix = distances.matrix(city("porto").city, points, options, context);
  core::model::Tour tour;
  tour.budget_minutes = 180;
  for (const auto& point : points) tour.stops.push_back({"", "stop", point, 10, 50, false});
  core::algo::set_straight_legs(tour, points, {1, 1, 1}, {1, 1, 1});
  std::vector<core::model::Tour> tours{tour};
  distances.legs(city("porto").city, tours, options, context);
  ASSERT_EQ(tours[0].legs.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    const auto& leg = tours[0].legs[static_cast<std::size_t>(i)];
    EXPECT_NEAR(leg.walk_minutes, matrix.minutes(i, i + 1), 1e-6);
    EXPECT_GT(core::algo::decode_polyline(leg.polyline).size(), 2u) << "drawn along the streets";
  }
  EXPECT_NEAR(tours[0].total_minutes, tours[0].walk_minutes + 40, 1e-9);
}

TEST(StreetNetworkDistances, StepFreeWalksGoRoundTheSteps) {
  auto distances = provider();
  const auto points = candidates("porto", 30);
  pipeline::RunContext context;
  core::model::GenerationOptions options;
  const auto any = distances.matrix(city("porto").city, points, options, context);
  options.step_free = true;
  const auto step_free = distances.matrix(city("porto").city, points, options, context);
  double any_total = 0.0;
  double step_free_total = 0.0;
  int longer = 0;
  for (int i = 0; i < 30; ++i) {
    for (int j = 0; j < 30; ++j) {
      any_total += any.minutes(i, j);
      step_free_total += step_free.minutes(i, j);
      longer += step_free.minutes(i, j) > any.minutes(i, j) + 0.5 ? 1 : 0;
      // A point by a flight of steps meets the network elsewhere when steps are out: its walk to
      // the nearest other way may be a few metres shorter, never a detour shorter.
      EXPECT_GE(step_free.minutes(i, j), any.minutes(i, j) - 0.5);
    }
  }
  EXPECT_GT(longer, 0) << "Porto's escadas are on some of these walks";
  EXPECT_GT(step_free_total, any_total);
  EXPECT_NE(distances.describe(options).find("step-free"), std::string::npos);
}

TEST(StreetNetworkDistances, ACityWithoutANetworkWalksTheModelAndSaysSo) {
  auto distances = provider();
  const auto points = candidates("tokyo", 10);
  pipeline::RunContext context;
  const auto matrix = distances.matrix(city("tokyo").city, points, {}, context);
  EXPECT_NE(joined(context.notes).find("no street network for Tokyo: walking model"),
            std::string::npos);
  EXPECT_NEAR(matrix.metres(0, 1), core::algo::haversine_m(points[0], points[1]) * 1.3, 1e-6);
}

TEST(StreetNetworkDistances, ANetworkThatReachesFewPointsGivesWayToTheModel) {
  // Paris's extract is a patch of the Marais; most of its candidates are museums kilometres away.
  auto distances = provider();
  const auto points = candidates("paris", 29);
  pipeline::RunContext context;
  const auto matrix = distances.matrix(city("paris").city, points, {}, context);
  EXPECT_NE(joined(context.notes).find("the street network reaches only"), std::string::npos)
      << joined(context.notes);
  EXPECT_NEAR(matrix.metres(0, 1), core::algo::haversine_m(points[0], points[1]) * 1.3, 1e-6);
}

TEST(StreetNetworkDistances, APointFarFromAnyWayWalksTheModelToTheOthers) {
  auto distances = provider();
  auto points = candidates("porto", 10);
  points.push_back({41.10, -8.40});  // 18 km east of the historic centre, off the graph
  pipeline::RunContext context;
  const auto matrix = distances.matrix(city("porto").city, points, {}, context);
  EXPECT_NE(joined(context.notes).find("1 more than 300 m from a walkable way"), std::string::npos)
      << joined(context.notes);
  EXPECT_NEAR(matrix.metres(10, 0), core::algo::haversine_m(points[10], points[0]) * 1.3, 1e-6);
  EXPECT_FALSE(core::algo::is_unreachable(matrix.minutes(0, 10)));
}

}  // namespace
}  // namespace server::offline

namespace server::offline {
namespace {

// A source whose service is down, as Overpass is when its retries run out.
class FailingSource : public pipeline::NetworkSource {
 public:
  std::string name() const override { return "OpenStreetMap via Overpass"; }
  std::shared_ptr<const core::routing::Router>
  network_for(const core::model::City&,
              const std::vector<core::model::GeoPoint>&,
              pipeline::RunContext&) override {
    throw UpstreamError(
        "overpass", 504, "overpass interpreter failed after 4 attempts: HTTP 504", true);
  }
};

TEST(StreetNetworkDistances, AFailingSourceLeavesTheCityToTheModelNotTheRunToAnError) {
  std::vector<std::unique_ptr<pipeline::NetworkSource>> sources;
  sources.push_back(std::make_unique<FailingSource>());
  StreetNetworkDistanceProvider distances(std::move(sources));
  core::model::City google_city;
  google_city.name = "Porto";
  google_city.source = core::model::PlaceSource::Google;
  const std::vector<core::model::GeoPoint> points{{41.14, -8.61}, {41.15, -8.60}};
  pipeline::RunContext context;
  const auto matrix = distances.matrix(google_city, points, {}, context);
  EXPECT_NEAR(matrix.metres(0, 1), core::algo::haversine_m(points[0], points[1]) * 1.3, 1e-6);
  std::string notes;
  for (const std::string& note : context.notes) notes += note + "\n";
  EXPECT_NE(notes.find("OpenStreetMap via Overpass failed: overpass interpreter failed"),
            std::string::npos)
      << notes;
  EXPECT_NE(notes.find("no street network for Porto: walking model"), std::string::npos) << notes;
}

}  // namespace
}  // namespace server::offline
