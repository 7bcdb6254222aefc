#include "shared/routing/router.h"

#include <gtest/gtest.h>

#include "shared/algo/geo.h"
#include "shared/algo/polyline.h"
#include "shared/routing/graph_builder.h"
#include "tests/core/routing/osm_fixture.h"

namespace core::routing {
namespace {

using routing_test::OsmFixture;
using routing_test::tags;

model::GeoPoint at(double x_m, double y_m) {
  const auto [lat, lon] = OsmFixture::degrees(x_m, y_m);
  return {lat, lon};
}

// A built graph with its router (the router points into the graph, so both live here).
struct Network {
  explicit Network(const OsmData& data) : graph(build_walking_graph(data).graph), router(graph) {}
  WalkingGraph graph;
  Router router;
  RouterWorkspace workspace;

  algo::TravelMatrix travel(const std::vector<model::GeoPoint>& points,
                            const WalkOptions& options = {}) {
    return router.matrix(points, options, workspace).travel;
  }
  double metres(model::GeoPoint from, model::GeoPoint to, const WalkOptions& options = {}) {
    return travel({from, to}, options).metres(0, 1);
  }
};

TEST(Router, GoesRoundByTheOnlyBridge) {
  // Two banks 50 m apart along a river; the one bridge is 500 m east.
  //   north bank  0 ------------------------------ 500
  //                                                  |  bridge
  //   south bank  0 ------------------------------ 500
  OsmFixture osm;
  osm.node(1, 0, 50).node(2, 500, 50).node(3, 0, 0).node(4, 500, 0);
  osm.way(10, {1, 2}, tags({{"highway", "footway"}}));
  osm.way(11, {3, 4}, tags({{"highway", "footway"}}));
  osm.way(12, {2, 4}, tags({{"highway", "footway"}, {"bridge", "yes"}}));
  Network net(osm.data);
  const algo::TravelMatrix travel = net.travel({at(0, 50), at(0, 0)});
  EXPECT_NEAR(travel.metres(0, 1), 1050.0, 1.0);
  EXPECT_NEAR(travel.metres(1, 0), 1050.0, 1.0);
  EXPECT_NEAR(travel.minutes(0, 1), 1050.0 / 75.0, 0.02);  // 4.5 km/h = 75 m/min
}

TEST(Router, SnapsToTheMiddleOfAnEdgeAndWalksTheRestOffTheNetwork) {
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 400, 0);
  osm.way(10, {1, 2}, tags({{"highway", "residential"}}));
  Network net(osm.data);
  const auto snap = net.router.snap(at(200, 40), {});
  ASSERT_TRUE(snap.has_value());
  EXPECT_NEAR(snap->distance_m, 40.0, 0.1);
  EXPECT_NEAR(snap->offset_m, 200.0, 0.2);
  EXPECT_NEAR(algo::haversine_m(to_geo(snap->position), at(200, 0)), 0.0, 0.05);
  // 40 m to the street, 100 m along it, 40 m back off it.
  EXPECT_NEAR(net.metres(at(200, 40), at(300, 40)), 180.0, 0.3);
}

TEST(Router, ReportsAPointFarFromEveryWayAsUnsnapped) {
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 400, 0);
  osm.way(10, {1, 2}, tags({{"highway", "residential"}}));
  Network net(osm.data);
  const NetworkMatrix m =
      net.router.matrix({at(100, 10), at(200, 1000), at(300, -10)}, {}, net.workspace);
  ASSERT_EQ(m.unsnapped.size(), 1U);
  EXPECT_EQ(m.unsnapped[0].index, 1U);
  EXPECT_NEAR(m.unsnapped[0].distance_m, 1000.0, 2.0);
  EXPECT_EQ(m.travel.minutes(0, 1), algo::kUnreachable);
  EXPECT_EQ(m.travel.metres(1, 2), algo::kUnreachable);
  EXPECT_EQ(m.travel.minutes(1, 1), 0.0);
  EXPECT_NEAR(m.travel.metres(0, 2), 220.0, 0.3);
  WalkOptions wide;
  wide.snap_limit_m = 1500.0;
  EXPECT_TRUE(net.router.matrix({at(200, 1000)}, wide, net.workspace).unsnapped.empty());
}

TEST(Router, OnewayFootBindsAndCarOnewayDoesNot) {
  //  1 ----> 2      the short side (100 m) is oneway:foot 1 -> 2; the long way round is 300 m
  //  |       |      via 3-4; a car oneway on the long way binds nobody on foot
  //  3 ----- 4
  OsmFixture osm;
  osm.node(1, 0, 100).node(2, 100, 100).node(3, 0, 0).node(4, 100, 0);
  osm.way(10, {1, 2}, tags({{"highway", "footway"}, {"oneway:foot", "yes"}}));
  osm.way(11, {2, 4, 3, 1}, tags({{"highway", "residential"}, {"oneway", "yes"}}));
  Network net(osm.data);
  const algo::TravelMatrix travel = net.travel({at(0, 100), at(100, 100)});
  EXPECT_NEAR(travel.metres(0, 1), 100.0, 0.5);
  EXPECT_NEAR(travel.metres(1, 0), 300.0, 0.5);
}

TEST(Router, ATrapIsUnreachableNeverFree) {
  // 1 -> 2 is oneway:foot and 2 leads nowhere else: from 2 nothing gets back to 1.
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 200, 0);
  osm.way(10, {1, 2}, tags({{"highway", "footway"}, {"oneway:foot", "yes"}}));
  Network net(osm.data);
  const algo::TravelMatrix travel = net.travel({at(0, 0), at(200, 0)});
  EXPECT_NEAR(travel.metres(0, 1), 200.0, 0.5);
  EXPECT_EQ(travel.metres(1, 0), algo::kUnreachable);
  EXPECT_EQ(travel.minutes(1, 0), algo::kUnreachable);
}

// A 100 m shortcut 1-2 with `shortcut` tags, beside a 300 m detour 1-3-4-2.
double with_shortcut(const OsmTags& shortcut, const OsmTags& middle_node = {}) {
  OsmFixture osm;
  osm.node(1, 0, 100).node(2, 100, 100).node(3, 0, 0).node(4, 100, 0).node(5, 50, 100, middle_node);
  osm.way(10, {1, 5, 2}, shortcut);
  osm.way(11, {1, 3, 4, 2}, tags({{"highway", "footway"}}));
  Network net(osm.data);
  return net.metres(at(0, 100), at(100, 100));
}

TEST(Router, FollowsEachAccessRule) {
  EXPECT_NEAR(with_shortcut(tags({{"highway", "service"}})), 100.0, 0.5);
  EXPECT_NEAR(with_shortcut(tags({{"highway", "service"}, {"access", "private"}})), 300.0, 0.5);
  EXPECT_NEAR(with_shortcut(tags({{"highway", "service"}, {"access", "private"}, {"foot", "yes"}})),
              100.0,
              0.5);
  EXPECT_NEAR(with_shortcut(tags({{"highway", "track"}, {"foot", "forestry"}})), 300.0, 0.5);
  EXPECT_NEAR(with_shortcut(tags({{"highway", "primary"}, {"sidewalk", "separate"}})), 300.0, 0.5);
  EXPECT_NEAR(with_shortcut(tags({{"highway", "motorway"}, {"foot", "yes"}})), 300.0, 0.5);
  EXPECT_NEAR(with_shortcut(tags({{"highway", "cycleway"}})), 300.0, 0.5);
  EXPECT_NEAR(with_shortcut(tags({{"highway", "cycleway"}, {"foot", "designated"}})), 100.0, 0.5);
}

TEST(Router, BarriersBlockOrPassAsTheProfileSays) {
  const OsmTags footway = tags({{"highway", "footway"}});
  EXPECT_NEAR(with_shortcut(footway, tags({{"barrier", "wall"}})), 300.0, 0.5);
  EXPECT_NEAR(with_shortcut(footway, tags({{"barrier", "gate"}})), 100.0, 0.5);
  EXPECT_NEAR(
      with_shortcut(footway, tags({{"barrier", "gate"}, {"access", "private"}})), 300.0, 0.5);
  EXPECT_NEAR(with_shortcut(footway, tags({{"barrier", "fence"}, {"foot", "yes"}})), 100.0, 0.5);
}

TEST(Router, SlowSurfacesCostTimeNotMetres) {
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 300, 0);
  osm.way(10, {1, 2}, tags({{"highway", "path"}, {"surface", "sand"}}));
  Network net(osm.data);
  const algo::TravelMatrix travel = net.travel({at(0, 0), at(300, 0)});
  EXPECT_NEAR(travel.metres(0, 1), 300.0, 0.5);
  EXPECT_NEAR(travel.minutes(0, 1), 2 * 300.0 / 75.0, 0.02);
}

TEST(Router, TimesFerriesByTheirDuration) {
  // 100 m walk, a 2 km ferry of 10 minutes, 100 m walk.
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 100, 0).node(3, 2100, 0).node(4, 2200, 0);
  osm.way(10, {1, 2}, tags({{"highway", "footway"}}));
  osm.way(11, {2, 3}, tags({{"route", "ferry"}, {"duration", "10"}}));
  osm.way(12, {3, 4}, tags({{"highway", "footway"}}));
  Network net(osm.data);
  const algo::TravelMatrix travel = net.travel({at(0, 0), at(2200, 0)});
  EXPECT_NEAR(travel.minutes(0, 1), 200.0 / 75.0 + 10.0, 0.02);
  // Nobody is snapped onto the water: a point beside the ferry line goes to a quay.
  const auto snap = net.router.snap(at(1000, 5), {});
  EXPECT_FALSE(snap.has_value() && snap->distance_m < 100.0);
}

TEST(Router, StepFreeAvoidsSteps) {
  //  1 ~~steps~~ 2    (80 m of steps, or 400 m round by the ramp 1-3-4-2)
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 80, 0).node(3, 0, -160).node(4, 80, -160);
  osm.way(10, {1, 2}, tags({{"highway", "steps"}}));
  osm.way(11, {1, 3, 4, 2}, tags({{"highway", "footway"}}));
  Network net(osm.data);
  EXPECT_NEAR(net.metres(at(0, 0), at(80, 0)), 80.0, 0.5);
  WalkOptions step_free;
  step_free.step_free = true;
  EXPECT_NEAR(net.metres(at(0, 0), at(80, 0), step_free), 400.0, 0.5);
  // A point on the steps themselves is placed on the nearest step-free way instead.
  const auto snap = net.router.snap(at(40, 0), step_free);
  ASSERT_TRUE(snap.has_value());
  EXPECT_NEAR(snap->distance_m, 40.0, 0.2);
}

TEST(Router, PathFollowsTheShapeAndMatchesTheMatrix) {
  //  1 -- 2            an L-shaped street; the walk turns at 2
  //       |
  //       3
  OsmFixture osm;
  osm.node(1, 0, 200).node(2, 200, 200).node(3, 200, 0);
  osm.way(10, {1, 2, 3}, tags({{"highway", "residential"}}));
  Network net(osm.data);
  const model::GeoPoint from = at(50, 210);
  const model::GeoPoint to = at(190, 20);
  const NetworkPath path = net.router.path(from, to, {}, net.workspace);
  ASSERT_TRUE(path.found);
  const algo::TravelMatrix travel = net.travel({from, to});
  EXPECT_DOUBLE_EQ(path.metres, travel.metres(0, 1));
  EXPECT_DOUBLE_EQ(path.minutes, travel.minutes(0, 1));
  EXPECT_NEAR(path.metres, 10 + 150 + 180 + 10, 0.5);
  const std::vector<model::GeoPoint> decoded = algo::decode_polyline(path.polyline);
  ASSERT_EQ(decoded.size(), 5U);  // start, snapped start, the corner, snapped end, end
  EXPECT_LT(algo::haversine_m(decoded[2], at(200, 200)), 1.0);
  EXPECT_LT(algo::haversine_m(decoded[1], at(50, 200)), 1.0);
  EXPECT_LT(algo::haversine_m(decoded[3], at(200, 20)), 1.0);
}

TEST(Router, PathAlongOneEdgeKeepsTheShapePointsBetween) {
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 100, 30).node(3, 200, 0).node(4, 300, 30).node(5, 400, 0);
  osm.way(10, {1, 2, 3, 4, 5}, tags({{"highway", "footway"}}));
  Network net(osm.data);
  const NetworkPath forward = net.router.path(at(0, 0), at(400, 0), {}, net.workspace);
  const NetworkPath backward = net.router.path(at(400, 0), at(0, 0), {}, net.workspace);
  ASSERT_TRUE(forward.found && backward.found);
  ASSERT_EQ(forward.points.size(), 5U);
  ASSERT_EQ(backward.points.size(), 5U);
  for (int i = 0; i < 5; ++i) {
    const model::GeoPoint expected = at(i * 100.0, i % 2 == 1 ? 30.0 : 0.0);
    EXPECT_LT(algo::haversine_m(forward.points[static_cast<std::size_t>(i)], expected), 0.05) << i;
    EXPECT_LT(algo::haversine_m(backward.points[static_cast<std::size_t>(4 - i)], expected), 0.05)
        << i;
  }
  EXPECT_NEAR(forward.metres, backward.metres, 0.01);
}

TEST(Router, CrossesAPedestrianSquare) {
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 100, 0).node(3, 100, 100).node(4, 0, 100);
  osm.node(10, -50, 0).node(12, 150, 100);
  osm.way(20, {1, 2, 3, 4, 1}, tags({{"highway", "pedestrian"}, {"area", "yes"}}));
  osm.way(21, {10, 1}, tags({{"highway", "footway"}}));
  osm.way(23, {12, 3}, tags({{"highway", "footway"}}));
  Network net(osm.data);
  EXPECT_NEAR(net.metres(at(-50, 0), at(150, 100)), 50 + 141.4 + 50, 0.6);
}

}  // namespace
}  // namespace core::routing
