#include "shared/basemap/osm_classes.h"

#include <gtest/gtest.h>

namespace core::basemap {
namespace {

using routing::OsmTags;

TEST(BasemapClasses, StreetsByHighwayClassWithBridgeAndTunnelFlags) {
  EXPECT_EQ(classify_line({{"highway", "primary_link"}})->kind, FeatureKind::MajorStreet);
  EXPECT_EQ(classify_line({{"highway", "tertiary"}})->kind, FeatureKind::Street);
  EXPECT_EQ(classify_line({{"highway", "residential"}})->kind, FeatureKind::MinorStreet);
  EXPECT_EQ(classify_line({{"highway", "steps"}})->kind, FeatureKind::Steps);
  EXPECT_EQ(classify_line({{"highway", "footway"}})->kind, FeatureKind::Footway);
  EXPECT_EQ(classify_line({{"highway", "secondary"}, {"bridge", "viaduct"}})->flags, kBridge);
  EXPECT_EQ(classify_line({{"railway", "rail"}, {"tunnel", "yes"}})->flags, kTunnel);
  EXPECT_EQ(classify_line({{"highway", "secondary"}, {"bridge", "no"}})->flags, 0);
  EXPECT_FALSE(classify_line({{"highway", "construction"}}));
  EXPECT_FALSE(
      classify_line({{"highway", "pedestrian"}, {"area", "yes"}}));  // a square, not a line
  EXPECT_FALSE(classify_line({{"railway", "abandoned"}}));
  EXPECT_EQ(classify_line({{"natural", "coastline"}})->kind, FeatureKind::Coastline);
  EXPECT_EQ(classify_line({{"waterway", "river"}})->kind, FeatureKind::Waterway);
}

TEST(BasemapClasses, AreasWaterParksSquaresBuildings) {
  EXPECT_EQ(classify_area({{"natural", "water"}, {"water", "river"}})->kind, FeatureKind::Water);
  EXPECT_EQ(classify_area({{"waterway", "riverbank"}})->kind, FeatureKind::Water);
  EXPECT_EQ(classify_area({{"leisure", "park"}})->kind, FeatureKind::Park);
  EXPECT_EQ(classify_area({{"landuse", "cemetery"}})->kind, FeatureKind::Park);
  EXPECT_EQ(classify_area({{"building", "yes"}})->kind, FeatureKind::Building);
  EXPECT_EQ(classify_area({{"place", "square"}})->kind, FeatureKind::Square);
  EXPECT_EQ(classify_area({{"highway", "pedestrian"}, {"area", "yes"}})->kind, FeatureKind::Square);
  // A closed footway without area=yes is a loop, and sidewalks mapped as areas are not squares.
  EXPECT_FALSE(classify_area({{"highway", "footway"}}));
  EXPECT_FALSE(classify_area({{"area:highway", "footway"}}));
  EXPECT_FALSE(classify_area({{"building", "no"}}));
  EXPECT_FALSE(classify_area({{"leisure", "park"}, {"area", "no"}}));
}

TEST(BasemapClasses, ZoomRulesShowWaterFirstAndBuildingsLast) {
  EXPECT_EQ(min_zoom_of(FeatureKind::Water), 0);
  EXPECT_LT(min_zoom_of(FeatureKind::Street), min_zoom_of(FeatureKind::MinorStreet));
  EXPECT_LT(min_zoom_of(FeatureKind::MinorStreet), min_zoom_of(FeatureKind::Building));
  EXPECT_EQ(label_zoom_of(FeatureKind::Building), 0);
  EXPECT_LT(label_zoom_of(FeatureKind::MajorStreet), label_zoom_of(FeatureKind::MinorStreet));
}

}  // namespace
}  // namespace core::basemap
