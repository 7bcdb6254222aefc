#include "console/draw/map_overlays.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "shared/algo/geo.h"

namespace {

using console::draw::Vec2;

console::draw::MapTransform porto(double zoom) {
  console::state::MapView view;
  view.centre = core::algo::to_world({41.1496, -8.6110});
  view.zoom = zoom;
  return console::draw::make_transform(view, {0.0, 0.0}, {1000.0, 600.0});
}

TEST(MapCredit, ClaimsOpenStreetMapOnlyOverDrawnTiles) {
  EXPECT_STREQ(console::draw::map_credit(true, 12, true), console::draw::kOsmAttribution);
  EXPECT_STREQ(console::draw::kOsmAttribution, "\xC2\xA9 OpenStreetMap contributors");
  // Tiles on but none arrived (offline, nothing cached): the graticule is ours, not OSM's.
  const std::string waiting = console::draw::map_credit(true, 0, false);
  const std::string off = console::draw::map_credit(false, 0, false);
  for (const std::string& text : {waiting, off}) {
    EXPECT_EQ(text.find("OpenStreetMap"), std::string::npos) << text;
    EXPECT_EQ(text.rfind("offline map", 0), 0u) << text;
  }
  EXPECT_NE(waiting, off);
  // No tile, but the offline basemap was drawn: its data is OpenStreetMap's, under the ODbL.
  const std::string basemap = console::draw::map_credit(false, 0, true);
  EXPECT_NE(basemap.find("OpenStreetMap contributors"), std::string::npos);
  EXPECT_NE(basemap.find("ODbL"), std::string::npos);
}

TEST(DashSegments, AlternateDashesAndGapsAlongEachSegment) {
  using console::draw::Dash;
  const auto dashes =
      console::draw::dash_segments({{0, 0}, {100, 0}}, false, 10.0, {-1000, -1000}, {1000, 1000});
  ASSERT_EQ(dashes.size(), 5u);
  for (std::size_t i = 0; i < dashes.size(); ++i) {
    EXPECT_DOUBLE_EQ(dashes[i].from.x, 20.0 * static_cast<double>(i));
    EXPECT_DOUBLE_EQ(dashes[i].to.x, 20.0 * static_cast<double>(i) + 10.0);
    EXPECT_DOUBLE_EQ(dashes[i].from.y, 0.0);
  }
  // Closed: the way back to the first point is dashed too (a 40 x 40 square: 2 dashes a side).
  const auto square = console::draw::dash_segments(
      {{0, 0}, {40, 0}, {40, 40}, {0, 40}}, true, 10.0, {-1, -1}, {41, 41});
  EXPECT_EQ(square.size(), 8u);
  EXPECT_EQ(square.back().from, (Vec2{0, 20}));  // the second dash of the way back up
  EXPECT_EQ(square.back().to, (Vec2{0, 10}));
  EXPECT_TRUE(console::draw::dash_segments({{5, 5}}, true, 10.0, {0, 0}, {10, 10}).empty());
}

TEST(DashSegments, KeepOnlyWhatLiesInsideTheClipRectangle) {
  // The pattern stays anchored at the segment's start: clipping cuts dashes, it does not shift
  // them.
  const auto dashes =
      console::draw::dash_segments({{0, 0}, {100, 0}}, false, 10.0, {25, -5}, {55, 5});
  ASSERT_EQ(dashes.size(), 2u);
  EXPECT_DOUBLE_EQ(dashes[0].from.x, 25.0);
  EXPECT_DOUBLE_EQ(dashes[0].to.x, 30.0);
  EXPECT_DOUBLE_EQ(dashes[1].from.x, 40.0);
  EXPECT_DOUBLE_EQ(dashes[1].to.x, 50.0);
  EXPECT_TRUE(
      console::draw::dash_segments({{0, 20}, {100, 20}}, false, 10.0, {0, 0}, {100, 10}).empty());
  // A frame a million pixels long costs only the dashes on a 1000-pixel canvas.
  const auto huge = console::draw::dash_segments(
      {{-1e6, -1e6}, {1e6, -1e6}, {1e6, 500}, {-1e6, 500}}, true, 6.0, {0, 0}, {1000, 600});
  EXPECT_LE(huge.size(), 1000u / 12u + 2u);
  EXPECT_GE(huge.size(), 1000u / 12u - 2u);
}

TEST(VisibleTiles, CoverTheCanvasAtTheNearestZoom) {
  const auto transform = porto(14.4);
  const auto tiles = console::draw::visible_tiles(transform);
  ASSERT_FALSE(tiles.empty());
  for (const auto& tile : tiles) EXPECT_EQ(tile.id.z, 14);
  // Every canvas corner lies in some tile.
  for (const Vec2 corner :
       {Vec2{0, 0}, Vec2{999, 0}, Vec2{0, 599}, Vec2{999, 599}, Vec2{500, 300}}) {
    const bool covered = std::any_of(tiles.begin(), tiles.end(), [&](const auto& t) {
      return corner.x >= t.min.x && corner.x < t.max.x && corner.y >= t.min.y && corner.y < t.max.y;
    });
    EXPECT_TRUE(covered) << corner.x << "," << corner.y;
  }
  // Tiles are drawn at 2^(14.4-14) times their size.
  EXPECT_NEAR(tiles[0].max.x - tiles[0].min.x, 256.0 * std::exp2(0.4), 1e-6);
}

TEST(VisibleTiles, StartWithTheTileUnderTheCentre) {
  const auto transform = porto(15.0);
  const auto tiles = console::draw::visible_tiles(transform);
  ASSERT_FALSE(tiles.empty());
  EXPECT_EQ(tiles.front().id, core::algo::tile_at({41.1496, -8.6110}, 15));
}

TEST(VisibleTiles, NeverExceedTheLimit) {
  console::state::MapView view;
  view.zoom = 15.0;
  const auto huge = console::draw::make_transform(view, {0.0, 0.0}, {8000.0, 8000.0});
  EXPECT_LE(console::draw::visible_tiles(huge).size(),
            static_cast<std::size_t>(console::draw::kMaxVisibleTiles));
}

TEST(ScaleBar, MeasuresItsGroundDistance) {
  const auto transform = porto(14.0);
  const auto bar = console::draw::scale_bar(transform, 150.0);
  EXPECT_LE(bar.pixels, 150.0);
  EXPECT_GT(bar.pixels,
            150.0 / 2.5);  // the next 1-2-5 step (at most 2.5 times longer) would not fit
  // Measure the bar on the ground with the haversine distance between its ends.
  const auto a = core::algo::to_geo(transform.to_world({400.0, 300.0}));
  const auto b = core::algo::to_geo(transform.to_world({400.0 + bar.pixels, 300.0}));
  EXPECT_NEAR(core::algo::haversine_m(a, b), bar.metres, bar.metres * 0.01);
}

TEST(ScaleBar, UsesRoundValues) {
  for (const double zoom : {3.0, 8.5, 12.0, 14.2, 17.9}) {
    const auto bar = console::draw::scale_bar(porto(zoom), 150.0);
    const double mantissa = bar.metres / std::pow(10.0, std::floor(std::log10(bar.metres)));
    EXPECT_TRUE(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
                std::abs(mantissa - 5) < 1e-9)
        << bar.metres;
  }
}

TEST(Graticule, DrawsRoundDegreesAtLeastTheSpacingApart) {
  const auto transform = porto(14.0);
  const auto grid = console::draw::graticule(transform, 90.0);
  ASSERT_GE(grid.meridians_x.size(), 2u);
  EXPECT_GE(grid.meridians_x[1] - grid.meridians_x[0], 90.0 - 1e-6);
  for (const double x : grid.meridians_x) {
    const double lon = core::algo::to_geo(transform.to_world({x, 300.0})).lon_deg;
    EXPECT_NEAR(std::remainder(lon, grid.step_deg), 0.0, 1e-9);
  }
  for (const double y : grid.parallels_y) {
    EXPECT_GE(y, 0.0);
    EXPECT_LT(y, 600.0);
  }
}

TEST(FormatDistance, UsesMetresThenKilometres) {
  EXPECT_EQ(console::draw::format_distance(350.0), "350 m");
  EXPECT_EQ(console::draw::format_distance(1000.0), "1 km");
  EXPECT_EQ(console::draw::format_distance(1500.0), "1.5 km");
  EXPECT_EQ(console::draw::format_distance(12000.0), "12 km");
}

}  // namespace
