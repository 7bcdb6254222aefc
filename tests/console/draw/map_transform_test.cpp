#include "console/draw/map_transform.h"

#include <gtest/gtest.h>

namespace {

using console::draw::Vec2;
using console::state::MapView;

constexpr Vec2 kOrigin{100.0, 50.0};
constexpr Vec2 kSize{800.0, 600.0};

MapView porto_view(double zoom) {
  MapView view;
  view.centre = core::algo::to_world({41.1496, -8.6110});
  view.zoom = zoom;
  return view;
}

TEST(MapTransform, PutsTheViewCentreInTheCanvasMiddle) {
  const auto transform = console::draw::make_transform(porto_view(14.0), kOrigin, kSize);
  const Vec2 middle = transform.to_screen(core::model::GeoPoint{41.1496, -8.6110});
  EXPECT_NEAR(middle.x, 500.0, 1e-6);
  EXPECT_NEAR(middle.y, 350.0, 1e-6);
}

TEST(MapTransform, ScaleDoublesPerZoomLevel) {
  const auto a = console::draw::make_transform(porto_view(14.0), kOrigin, kSize);
  const auto b = console::draw::make_transform(porto_view(15.0), kOrigin, kSize);
  EXPECT_DOUBLE_EQ(b.scale(), 2.0 * a.scale());
  EXPECT_DOUBLE_EQ(a.scale(), 256.0 * 16384.0);
}

TEST(MapTransform, ToWorldInvertsToScreen) {
  const auto transform = console::draw::make_transform(porto_view(13.3), kOrigin, kSize);
  for (const Vec2 screen : {Vec2{100.0, 50.0}, Vec2{333.5, 420.25}, Vec2{899.0, 649.0}}) {
    const Vec2 back = transform.to_screen(transform.to_world(screen));
    EXPECT_NEAR(back.x, screen.x, 1e-6);
    EXPECT_NEAR(back.y, screen.y, 1e-6);
  }
}

TEST(MapTransform, NorthIsUpAndEastIsRight) {
  const auto transform = console::draw::make_transform(porto_view(14.0), kOrigin, kSize);
  const Vec2 centre = transform.to_screen(core::model::GeoPoint{41.1496, -8.6110});
  const Vec2 north_east = transform.to_screen(core::model::GeoPoint{41.1596, -8.6010});
  EXPECT_GT(north_east.x, centre.x);
  EXPECT_LT(north_east.y, centre.y);
}

TEST(MapTransform, ContainsOnlyCanvasPixels) {
  const auto transform = console::draw::make_transform(porto_view(14.0), kOrigin, kSize);
  EXPECT_TRUE(transform.contains({100.0, 50.0}));
  EXPECT_TRUE(transform.contains({899.5, 649.5}));
  EXPECT_FALSE(transform.contains({99.9, 300.0}));
  EXPECT_FALSE(transform.contains({500.0, 650.0}));
}

TEST(ZoomAt, KeepsTheWorldPointUnderTheCursor) {
  MapView view = porto_view(14.0);
  const auto before = console::draw::make_transform(view, kOrigin, kSize);
  const Vec2 cursor{250.0, 600.0};
  const core::algo::WorldPoint anchor = before.to_world(cursor);
  console::draw::zoom_at(view, before, cursor, 3.0);
  EXPECT_DOUBLE_EQ(view.zoom, 15.5);
  const Vec2 after = console::draw::make_transform(view, kOrigin, kSize).to_screen(anchor);
  EXPECT_NEAR(after.x, cursor.x, 1e-6);
  EXPECT_NEAR(after.y, cursor.y, 1e-6);
}

TEST(ZoomAt, ClampsToTheZoomLimits) {
  MapView view = porto_view(18.5);
  console::draw::zoom_at(
      view, console::draw::make_transform(view, kOrigin, kSize), {500.0, 350.0}, 10.0);
  EXPECT_DOUBLE_EQ(view.zoom, console::state::kMaxZoom);
  console::draw::zoom_at(
      view, console::draw::make_transform(view, kOrigin, kSize), {500.0, 350.0}, -100.0);
  EXPECT_DOUBLE_EQ(view.zoom, console::state::kMinZoom);
}

TEST(Pan, MovesTheContentWithTheDrag) {
  MapView view = porto_view(14.0);
  const auto before = console::draw::make_transform(view, kOrigin, kSize);
  const core::model::GeoPoint clerigos{41.1456, -8.6146};
  const Vec2 was = before.to_screen(clerigos);
  console::draw::pan(view, before, {40.0, -25.0});
  const Vec2 now = console::draw::make_transform(view, kOrigin, kSize).to_screen(clerigos);
  EXPECT_NEAR(now.x - was.x, 40.0, 1e-6);
  EXPECT_NEAR(now.y - was.y, -25.0, 1e-6);
}

TEST(Fit, ShowsTheWholeBoxInsideTheMarginsAndFillsOneSide) {
  const core::model::BoundingBox box{{41.1287, -8.6217}, {41.1565, -8.5939}};
  MapView view;
  console::draw::fit(view, box, kSize, 40.0);
  EXPECT_TRUE(view.fitted);
  const auto transform = console::draw::make_transform(view, kOrigin, kSize);
  const Vec2 north_west =
      transform.to_screen(core::model::GeoPoint{box.high.lat_deg, box.low.lon_deg});
  const Vec2 south_east =
      transform.to_screen(core::model::GeoPoint{box.low.lat_deg, box.high.lon_deg});
  EXPECT_GE(north_west.x, kOrigin.x + 40.0 - 1e-6);
  EXPECT_GE(north_west.y, kOrigin.y + 40.0 - 1e-6);
  EXPECT_LE(south_east.x, kOrigin.x + kSize.x - 40.0 + 1e-6);
  EXPECT_LE(south_east.y, kOrigin.y + kSize.y - 40.0 + 1e-6);
  const double width = south_east.x - north_west.x;
  const double height = south_east.y - north_west.y;
  // The tighter dimension spans the canvas minus both margins exactly.
  EXPECT_TRUE(std::abs(width - (kSize.x - 80.0)) < 1e-6 ||
              std::abs(height - (kSize.y - 80.0)) < 1e-6);
}

TEST(Fit, GivesAPointAStreetLevelZoom) {
  MapView view;
  console::draw::fit(view, {{41.14, -8.61}, {41.14, -8.61}}, kSize, 40.0);
  EXPECT_DOUBLE_EQ(view.zoom, 16.0);
}

TEST(BoundsOf, CoversEveryPoint) {
  const auto box = console::draw::bounds_of({{41.1, -8.6}, {41.3, -8.7}, {41.2, -8.5}});
  EXPECT_DOUBLE_EQ(box.low.lat_deg, 41.1);
  EXPECT_DOUBLE_EQ(box.low.lon_deg, -8.7);
  EXPECT_DOUBLE_EQ(box.high.lat_deg, 41.3);
  EXPECT_DOUBLE_EQ(box.high.lon_deg, -8.5);
}

}  // namespace
