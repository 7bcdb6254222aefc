#include "shared/routing/foot_profile.h"

#include <gtest/gtest.h>

#include "tests/core/routing/osm_fixture.h"

namespace core::routing {
namespace {

using routing_test::tags;

struct Directions {
  bool forward;
  bool backward;
};

Directions walk(const OsmTags& t) {
  const WayRule rule = foot_way_rule(t);
  EXPECT_EQ(rule.walkable, rule.forward || rule.backward);
  return {rule.forward, rule.backward};
}

bool walkable(const OsmTags& t) {
  return foot_way_rule(t).walkable;
}

TEST(FootProfile, WalksEveryHighwayOfFootLuasSpeedTable) {
  for (const char* highway : {"footway",
                              "pedestrian",
                              "path",
                              "steps",
                              "living_street",
                              "residential",
                              "service",
                              "track",
                              "unclassified",
                              "tertiary",
                              "tertiary_link",
                              "secondary",
                              "secondary_link",
                              "primary",
                              "primary_link",
                              "platform",
                              "pier",
                              "corridor"}) {
    const Directions d = walk(tags({{"highway", highway}}));
    EXPECT_TRUE(d.forward && d.backward) << highway;
  }
  EXPECT_TRUE(walkable(tags({{"railway", "platform"}})));
  EXPECT_TRUE(walkable(tags({{"man_made", "pier"}})));
  EXPECT_TRUE(walkable(tags({{"amenity", "parking"}})));
}

TEST(FootProfile, LeavesOtherWaysUnlessFootAccessIsGiven) {
  EXPECT_FALSE(walkable(tags({{"highway", "trunk"}})));
  EXPECT_FALSE(walkable(tags({{"highway", "cycleway"}})));
  EXPECT_FALSE(walkable(tags({{"building", "yes"}})));
  EXPECT_FALSE(
      walkable(tags({{"waterway", "river"}, {"foot", "yes"}})));  // none of foot.lua's keys
  EXPECT_TRUE(walkable(tags({{"highway", "cycleway"}, {"foot", "designated"}})));
  EXPECT_TRUE(walkable(tags({{"highway", "trunk"}, {"foot", "yes"}})));
  EXPECT_TRUE(walkable(tags({{"highway", "bridleway"}, {"access", "permissive"}})));
}

TEST(FootProfile, NeverWalksMotorwaysEvenWithFootYes) {
  EXPECT_FALSE(walkable(tags({{"highway", "motorway"}})));
  EXPECT_FALSE(walkable(tags({{"highway", "motorway"}, {"foot", "yes"}})));
  EXPECT_FALSE(walkable(tags({{"highway", "motorway_link"}, {"access", "yes"}})));
}

TEST(FootProfile, EachBlacklistedAccessValueClosesTheWay) {
  for (const char* value :
       {"no", "private", "agricultural", "forestry", "delivery", "use_sidepath"}) {
    EXPECT_FALSE(walkable(tags({{"highway", "residential"}, {"foot", value}}))) << "foot=" << value;
    EXPECT_FALSE(walkable(tags({{"highway", "residential"}, {"access", value}})))
        << "access=" << value;
  }
}

TEST(FootProfile, FootComesBeforeAccess) {
  for (const char* value : {"yes", "designated", "permissive"}) {
    EXPECT_TRUE(walkable(tags({{"highway", "service"}, {"access", "private"}, {"foot", value}})))
        << value;
  }
  EXPECT_FALSE(walkable(tags({{"highway", "footway"}, {"access", "yes"}, {"foot", "no"}})));
}

TEST(FootProfile, DirectionalAccessClosesOneDirection) {
  const Directions d = walk(tags({{"highway", "residential"}, {"foot:backward", "no"}}));
  EXPECT_TRUE(d.forward);
  EXPECT_FALSE(d.backward);
}

TEST(FootProfile, AccessListsTakeTheMostPermissivePart) {
  EXPECT_TRUE(walkable(tags({{"highway", "service"}, {"access", "no; yes"}})));
  EXPECT_FALSE(walkable(tags({{"highway", "service"}, {"access", "private;no"}})));
}

TEST(FootProfile, SeparateSidewalkClosesTheCarriagewayUnlessFootIsExplicit) {
  EXPECT_FALSE(walkable(tags({{"highway", "secondary"}, {"sidewalk", "separate"}})));
  EXPECT_FALSE(walkable(tags({{"highway", "secondary"}, {"sidewalk:both", "separate"}})));
  EXPECT_FALSE(walkable(tags({{"highway", "secondary"}, {"sidewalk:left", "separate"}})));
  EXPECT_TRUE(
      walkable(tags({{"highway", "secondary"}, {"sidewalk", "separate"}, {"foot", "yes"}})));
  EXPECT_TRUE(walkable(tags({{"highway", "secondary"}, {"sidewalk", "both"}})));
}

TEST(FootProfile, OnlyOnewayFootBindsWalkers) {
  const Directions car_oneway = walk(tags({{"highway", "residential"}, {"oneway", "yes"}}));
  EXPECT_TRUE(car_oneway.forward && car_oneway.backward);
  const Directions foot_oneway = walk(tags({{"highway", "footway"}, {"oneway:foot", "yes"}}));
  EXPECT_TRUE(foot_oneway.forward);
  EXPECT_FALSE(foot_oneway.backward);
  const Directions reverse = walk(tags({{"highway", "footway"}, {"oneway:foot", "-1"}}));
  EXPECT_FALSE(reverse.forward);
  EXPECT_TRUE(reverse.backward);
}

TEST(FootProfile, FerriesCarryTheirDuration) {
  const WayRule timed = foot_way_rule(tags({{"route", "ferry"}, {"duration", "00:20"}}));
  EXPECT_TRUE(timed.walkable && timed.ferry);
  ASSERT_TRUE(timed.ferry_seconds.has_value());
  EXPECT_DOUBLE_EQ(*timed.ferry_seconds, 1200.0);
  const WayRule untimed = foot_way_rule(tags({{"route", "ferry"}}));
  EXPECT_TRUE(untimed.ferry);
  EXPECT_FALSE(untimed.ferry_seconds.has_value());
  EXPECT_FALSE(walkable(tags({{"route", "ferry"}, {"foot", "no"}})));
}

TEST(FootProfile, ParsesOsmDurations) {
  EXPECT_EQ(parse_osm_duration_s("15"), 900.0);
  EXPECT_EQ(parse_osm_duration_s("1:30"), 5400.0);
  EXPECT_EQ(parse_osm_duration_s("00:05:30"), 330.0);
  EXPECT_EQ(parse_osm_duration_s("PT1H30M"), 5400.0);
  EXPECT_EQ(parse_osm_duration_s("PT45S"), 45.0);
  EXPECT_EQ(parse_osm_duration_s("P1D"), 86400.0);
  EXPECT_EQ(parse_osm_duration_s("PT00:10:00"), 600.0);
  EXPECT_FALSE(parse_osm_duration_s("").has_value());
  EXPECT_FALSE(parse_osm_duration_s("about an hour").has_value());
  EXPECT_FALSE(parse_osm_duration_s("1:").has_value());
  EXPECT_FALSE(parse_osm_duration_s("PT").has_value());
}

TEST(FootProfile, FlagsStepsAndSlowSurfaces) {
  EXPECT_TRUE(foot_way_rule(tags({{"highway", "steps"}})).steps);
  EXPECT_FALSE(foot_way_rule(tags({{"highway", "footway"}})).steps);
  EXPECT_EQ(foot_way_rule(tags({{"highway", "path"}, {"surface", "gravel"}})).pace, Pace::Rough);
  EXPECT_EQ(foot_way_rule(tags({{"highway", "path"}, {"surface", "sand"}})).pace, Pace::Heavy);
  EXPECT_EQ(foot_way_rule(tags({{"highway", "path"}, {"surface", "asphalt"}})).pace, Pace::Normal);
}

TEST(FootProfile, BlocksImpassableMotorroadAndProposedWays) {
  EXPECT_FALSE(walkable(tags({{"highway", "path"}, {"impassable", "yes"}})));
  EXPECT_FALSE(walkable(tags({{"highway", "path"}, {"status", "impassable"}})));
  EXPECT_FALSE(walkable(tags({{"highway", "primary"}, {"motorroad", "yes"}})));
  EXPECT_FALSE(walkable(tags({{"highway", "proposed"}, {"proposed", "footway"}})));
  EXPECT_TRUE(walkable(tags({{"highway", "tertiary"}, {"proposed", "secondary"}})));
}

TEST(FootProfile, MovingWalkwaysGoOneWay) {
  const Directions d = walk(tags({{"highway", "steps"}, {"conveying", "forward"}}));
  EXPECT_TRUE(d.forward);
  EXPECT_FALSE(d.backward);
  const Directions both =
      walk(tags({{"highway", "steps"}, {"conveying", "forward"}, {"oneway", "no"}}));
  EXPECT_TRUE(both.forward && both.backward);
}

TEST(FootProfile, MarksClosedPedestrianAreasCrossable) {
  EXPECT_TRUE(foot_way_rule(tags({{"highway", "pedestrian"}, {"area", "yes"}})).crossable_area);
  EXPECT_FALSE(foot_way_rule(tags({{"highway", "pedestrian"}})).crossable_area);
  EXPECT_FALSE(foot_way_rule(tags({{"highway", "residential"}, {"area", "yes"}})).crossable_area);
}

TEST(FootProfile, BarriersBlockAsFootLuaSays) {
  EXPECT_TRUE(foot_node_blocks(tags({{"barrier", "wall"}})));
  EXPECT_TRUE(foot_node_blocks(tags({{"barrier", "fence"}})));
  EXPECT_TRUE(foot_node_blocks(tags({{"barrier", "yes"}})));
  EXPECT_FALSE(foot_node_blocks(tags({{"barrier", "gate"}})));
  EXPECT_FALSE(foot_node_blocks(tags({{"barrier", "bollard"}})));
  EXPECT_FALSE(foot_node_blocks(tags({{"barrier", "kerb"}})));
  EXPECT_FALSE(foot_node_blocks(tags({{"barrier", "yes"}, {"bollard", "rising"}})));
  EXPECT_FALSE(foot_node_blocks(tags({{"barrier", "fence"}, {"sensory", "audible"}})));
  EXPECT_FALSE(foot_node_blocks(tags({{"barrier", "wall"}, {"foot", "yes"}})));
  EXPECT_TRUE(foot_node_blocks(tags({{"barrier", "gate"}, {"access", "private"}})));
  EXPECT_TRUE(foot_node_blocks(tags({{"foot", "no"}})));
  EXPECT_FALSE(foot_node_blocks(tags({{"highway", "crossing"}})));
}

}  // namespace
}  // namespace core::routing
