#include "console/draw/map_focus.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "console/draw/map_scene.h"
#include "tests/console/fixtures.h"

namespace {

using console::draw::MapScene;
using console::draw::Marker;
using console::draw::Vec2;

MapScene crowd(int count, Vec2 at) {
  MapScene scene;
  for (int i = 0; i < count; ++i) {
    scene.markers.push_back({"s" + std::to_string(i),
                             at + Vec2{i * 0.5, i * 0.3},
                             9.0,
                             console::draw::tour_colour(i % 2),
                             true,
                             std::to_string(i + 1),
                             i % 2,
                             false});
  }
  return scene;
}

double distance(Vec2 a, Vec2 b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

TEST(SpreadCrowdedStops, StopsOnOnePlaceAreSpreadApartWithLeadersFromTheirPlace) {
  MapScene scene = crowd(5, {200, 200});
  const MapScene before = scene;
  scene.markers.push_back(
      {"plain", {201, 201}, 4.5, console::draw::kUnassignedColour, true, "", -1, false});
  console::draw::spread_crowded_stops(scene, 2.0);
  ASSERT_EQ(scene.markers.size(), 6u);
  for (std::size_t a = 0; a < 5; ++a) {
    for (std::size_t b = a + 1; b < 5; ++b)
      EXPECT_GE(distance(scene.markers[a].at, scene.markers[b].at), 18.0 + 1.9);
  }
  // Each spread stop has a leader from its true place to where it is drawn.
  ASSERT_EQ(scene.paths.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    const auto leader = std::find_if(scene.paths.begin(), scene.paths.end(), [&](const auto& p) {
      return p.points.front() == before.markers[i].at;
    });
    ASSERT_NE(leader, scene.paths.end());
    EXPECT_EQ(leader->points.back(), scene.markers[i].at);
    EXPECT_EQ(leader->colour, console::draw::kLeaderColour);
  }
  // Markers that are not tour stops stay where they are.
  EXPECT_EQ(scene.markers.back().at, (Vec2{201, 201}));
}

TEST(SpreadCrowdedStops, StopsApartAreLeftAloneAndLargeCrowdsAreGrouped) {
  MapScene apart;
  apart.markers = {{"a", {0, 0}, 9.0, console::draw::tour_colour(0), true, "1", 0, false},
                   {"b", {40, 0}, 9.0, console::draw::tour_colour(0), true, "2", 0, false}};
  console::draw::spread_crowded_stops(apart, 2.0);
  EXPECT_EQ(apart.markers[0].at, (Vec2{0, 0}));
  EXPECT_TRUE(apart.paths.empty());

  MapScene zoomed_out = crowd(static_cast<int>(console::draw::kMaxSpreadStops) + 4, {100, 100});
  console::draw::spread_crowded_stops(zoomed_out, 2.0);
  ASSERT_EQ(zoomed_out.markers.size(), 1u);
  EXPECT_EQ(zoomed_out.markers[0].label, std::to_string(console::draw::kMaxSpreadStops + 4));
  EXPECT_EQ(zoomed_out.markers[0].colour, console::draw::kInkColour);
  EXPECT_NEAR(zoomed_out.markers[0].at.x, 100 + 0.25 * 11, 1e-9);
}

TEST(FocusPoints, FrameTheToursOrOneTourElseTheAttractionsWithoutOutliers) {
  const core::model::Revision revision = console::testing::sample_revision();
  const auto all = console::draw::focus_points(revision.attractions, revision.tours, -1);
  std::size_t stops = 0;
  for (const auto& tour : revision.tours) stops += tour.stops.size();
  EXPECT_GE(all.size(), stops);
  const auto first =
      console::draw::focus_points(revision.attractions, revision.tours, revision.tours[0].index);
  EXPECT_LT(first.size(), all.size());
  for (const auto& stop : revision.tours[0].stops) {
    EXPECT_NE(std::find(first.begin(), first.end(), stop.location), first.end());
  }
  // No tours: the included attractions, but one far outlier (another country) is left out.
  std::vector<core::model::Attraction> attractions = revision.attractions;
  core::model::Attraction far = attractions.front();
  far.id = "far";
  far.location = {48.85, 2.35};
  attractions.push_back(far);
  const auto framed = console::draw::focus_points(attractions, {}, -1);
  EXPECT_FALSE(framed.empty());
  EXPECT_EQ(std::find(framed.begin(), framed.end(), far.location), framed.end());
}

}  // namespace
