#include <gtest/gtest.h>

#include <cmath>

#include "shared/algo/geo.h"
#include "shared/algo/walking_model.h"
#include "shared/algo/web_mercator.h"

namespace {

using core::model::GeoPoint;

TEST(Haversine, MatchesKnownCityDistances) {
  // Paris (GeoNames centroid) to London (GeoNames centroid): 343.6 km great-circle.
  EXPECT_NEAR(core::algo::haversine_m({48.85341, 2.3488}, {51.50853, -0.12574}), 343.6e3, 0.5e3);
  // One degree of latitude is about 111.2 km everywhere.
  EXPECT_NEAR(core::algo::haversine_m({10, 20}, {11, 20}), 111.19e3, 0.1e3);
  EXPECT_DOUBLE_EQ(core::algo::haversine_m({1, 2}, {1, 2}), 0.0);
}

TEST(BoundingBox, ContainsExpandsAndCentres) {
  const auto box = core::algo::bounding_box({{41.1, -8.7}, {41.2, -8.6}, {41.15, -8.65}});
  EXPECT_EQ(box.low, (GeoPoint{41.1, -8.7}));
  EXPECT_EQ(box.high, (GeoPoint{41.2, -8.6}));
  EXPECT_TRUE(core::algo::contains(box, {41.15, -8.65}));
  EXPECT_FALSE(core::algo::contains(box, {41.25, -8.65}));
  const auto grown = core::algo::expanded(box, 1000.0);
  EXPECT_NEAR(core::algo::haversine_m(box.low, {grown.low.lat_deg, box.low.lon_deg}), 1000.0, 1.0);
  EXPECT_GE(core::algo::haversine_m(box.low, {box.low.lat_deg, grown.low.lon_deg}), 999.0);
  EXPECT_NEAR(core::algo::centre_of(box).lat_deg, 41.15, 1e-12);
  EXPECT_NEAR(core::algo::centre_of(box).lon_deg, -8.65, 1e-12);
}

TEST(WebMercator, TileNumbersMatchTheSlippyMapReference) {
  // Worked examples of apis.md §6 (OSM wiki formulas).
  EXPECT_EQ(core::algo::tile_at({48.8530, 2.3499}, 15), (core::algo::TileId{15, 16597, 11273}));
  EXPECT_EQ(core::algo::tile_at({41.8902, 12.4922}, 16), (core::algo::TileId{16, 35042, 24354}));
  EXPECT_EQ(core::algo::tile_at({51.5007, -0.1246}, 17), (core::algo::TileId{17, 65490, 43588}));
  EXPECT_EQ(core::algo::tile_at({0, 0}, 1), (core::algo::TileId{1, 1, 1}));
  const GeoPoint corner = core::algo::tile_north_west({15, 16597, 11273});
  EXPECT_NEAR(corner.lat_deg, 48.857487, 1e-6);
  EXPECT_NEAR(corner.lon_deg, 2.340088, 1e-6);
}

TEST(WebMercator, ProjectsAndInvertsAndClampsThePoles) {
  const GeoPoint porto{41.14961, -8.61099};
  const GeoPoint back = core::algo::to_geo(core::algo::to_world(porto));
  EXPECT_NEAR(back.lat_deg, porto.lat_deg, 1e-9);
  EXPECT_NEAR(back.lon_deg, porto.lon_deg, 1e-9);
  EXPECT_NEAR(core::algo::to_world({90, 0}).y, 0.0, 1e-9);
  EXPECT_NEAR(core::algo::to_world({0, 0}).x, 0.5, 1e-12);
  // At the equator a world unit is the equator's length.
  EXPECT_NEAR(core::algo::metres_per_world_unit(0.0), 40075016.7, 1.0);
}

TEST(WalkingModel, AppliesDetourAndSpeed) {
  const core::algo::WalkingModel model{4.5, 1.3};
  const GeoPoint a{41.0, -8.0};
  const GeoPoint b{41.01, -8.0};
  const double straight = core::algo::haversine_m(a, b);
  EXPECT_NEAR(core::algo::walking_metres(a, b, model), straight * 1.3, 1e-9);
  EXPECT_NEAR(core::algo::walking_minutes(4500.0, model), 60.0, 1e-9);
  const auto matrix = core::algo::walking_matrix({a, b, a}, model);
  EXPECT_EQ(matrix.minutes.size(), 3);
  EXPECT_DOUBLE_EQ(matrix.metres(0, 1), matrix.metres(1, 0));
  EXPECT_DOUBLE_EQ(matrix.metres(0, 2), 0.0);
  EXPECT_NEAR(matrix.minutes(0, 1), straight * 1.3 / 75.0, 1e-9);
}

}  // namespace
