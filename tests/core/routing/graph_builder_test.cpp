#include "shared/routing/graph_builder.h"

#include <gtest/gtest.h>

#include "shared/routing/graph_codec.h"
#include "tests/core/routing/osm_fixture.h"

namespace core::routing {
namespace {

using routing_test::OsmFixture;
using routing_test::tags;

double total_metres(const WalkingGraph& graph) {
  double metres = 0.0;
  for (const GraphEdge& e : graph.edges()) metres += e.length_dm / 10.0;
  return metres;
}

TEST(GraphBuilder, ContractsAStraightWayIntoOneEdgeThatKeepsItsShape) {
  //  1 --- 2 --- 3 --- 4 --- 5   (100 m apart)
  OsmFixture osm;
  for (int i = 1; i <= 5; ++i) osm.node(i, (i - 1) * 100.0, 0.0);
  osm.way(10, {1, 2, 3, 4, 5}, tags({{"highway", "footway"}}));
  const BuildResult built = build_walking_graph(osm.data);
  ASSERT_EQ(built.graph.nodes().size(), 2U);
  ASSERT_EQ(built.graph.edges().size(), 1U);
  EXPECT_EQ(built.graph.edge_point_count(0), 5U);
  EXPECT_NEAR(built.graph.edges()[0].length_dm, 4000.0, 2.0);
  EXPECT_EQ(built.graph.edges()[0].flags & (kEdgeForward | kEdgeBackward),
            kEdgeForward | kEdgeBackward);
}

TEST(GraphBuilder, KeepsJunctionsAndJoinsWaysThatMeetEndToEnd) {
  //        3
  //        |
  //  1 --- 2 --- 4 === 5      (way 11 ends at 4, way 12 continues to 5: one edge 2-5)
  //        |
  //        6
  OsmFixture osm;
  osm.node(1, 0, 0)
      .node(2, 100, 0)
      .node(3, 100, 100)
      .node(4, 200, 0)
      .node(5, 300, 0)
      .node(6, 100, -100);
  osm.way(10, {1, 2, 4}, tags({{"highway", "residential"}}));
  osm.way(11, {3, 2, 6}, tags({{"highway", "residential"}}));
  osm.way(12, {4, 5}, tags({{"highway", "residential"}}));
  const BuildResult built = build_walking_graph(osm.data);
  EXPECT_EQ(built.graph.nodes().size(), 5U);  // 1, 2, 3, 5, 6: node 4 is a shape point
  EXPECT_EQ(built.graph.edges().size(), 4U);
  EXPECT_NEAR(total_metres(built.graph), 500.0, 0.5);
}

TEST(GraphBuilder, SplitsWhereTheFlagsChange) {
  //  1 --- 2 ~~~ 3   (1-2 footway, 2-3 steps: two edges, one flagged)
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 100, 0).node(3, 150, 0);
  osm.way(10, {1, 2}, tags({{"highway", "footway"}}));
  osm.way(11, {2, 3}, tags({{"highway", "steps"}}));
  const BuildResult built = build_walking_graph(osm.data);
  ASSERT_EQ(built.graph.edges().size(), 2U);
  int steps = 0;
  for (const GraphEdge& e : built.graph.edges()) steps += (e.flags & kEdgeSteps) != 0 ? 1 : 0;
  EXPECT_EQ(steps, 1);
}

TEST(GraphBuilder, ABlockingBarrierCutsTheWayAndTheSmallerPieceIsDropped) {
  //  1 --- 2 --- 3 --- 4      node 3 is a wall: 1-3 (200 m) and 3-4 (50 m) fall apart
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 100, 0).node(3, 200, 0, tags({{"barrier", "wall"}})).node(4, 250, 0);
  osm.way(10, {1, 2, 3, 4}, tags({{"highway", "footway"}}));
  const BuildResult built = build_walking_graph(osm.data);
  EXPECT_EQ(built.stats.barrier_nodes, 2U);  // one copy per segment end at node 3
  EXPECT_EQ(built.stats.islands_dropped, 1U);
  EXPECT_NEAR(built.stats.island_metres_dropped, 50.0, 0.5);
  EXPECT_NEAR(total_metres(built.graph), 200.0, 0.5);
}

TEST(GraphBuilder, AGateDoesNotCutTheWay) {
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 100, 0, tags({{"barrier", "gate"}})).node(3, 200, 0);
  osm.way(10, {1, 2, 3}, tags({{"highway", "footway"}}));
  const BuildResult built = build_walking_graph(osm.data);
  EXPECT_EQ(built.graph.edges().size(), 1U);
  EXPECT_EQ(built.stats.islands_dropped, 0U);
}

TEST(GraphBuilder, KeepsOnlySegmentsTouchingTheBox) {
  //  1 --- 2 --- 3 --- 4   box around 1..2 only: 1-2 and 2-3 stay (2 is inside), 3-4 goes
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 100, 0).node(3, 200, 0).node(4, 300, 0);
  osm.way(10, {1, 2, 3, 4}, tags({{"highway", "footway"}}));
  const auto [south, west] = OsmFixture::degrees(-10, -10);
  const auto [north, east] = OsmFixture::degrees(110, 10);
  BuildOptions options;
  options.bbox = model::BoundingBox{{south, west}, {north, east}};
  const BuildResult built = build_walking_graph(osm.data, options);
  EXPECT_NEAR(total_metres(built.graph), 200.0, 0.5);
}

TEST(GraphBuilder, TimesAFerryByItsDuration) {
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 100, 0).node(3, 1100, 0).node(4, 1200, 0);
  osm.way(10, {1, 2}, tags({{"highway", "footway"}}));
  osm.way(11, {2, 3}, tags({{"route", "ferry"}, {"duration", "00:07"}}));
  osm.way(12, {3, 4}, tags({{"highway", "footway"}}));
  osm.way(13, {2, 3}, tags({{"route", "ferry"}}));  // no duration: 1 km at 5 km/h = 720 s
  const BuildResult built = build_walking_graph(osm.data);
  std::vector<std::uint32_t> ferry_seconds;
  for (const GraphEdge& e : built.graph.edges()) {
    if ((e.flags & kEdgeFerry) != 0) ferry_seconds.push_back(e.ferry_s);
  }
  std::sort(ferry_seconds.begin(), ferry_seconds.end());
  EXPECT_EQ(ferry_seconds, (std::vector<std::uint32_t>{420, 720}));
}

TEST(GraphBuilder, ConnectsAPedestrianSquaresEntrancesAcrossIt) {
  //  10 - a ------- b - 11     a square 100 m wide, a street reaching each corner
  //       |         |
  //  13 - d ------- c - 12
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 100, 0).node(3, 100, 100).node(4, 0, 100);
  osm.node(10, -50, 0).node(11, 150, 0).node(12, 150, 100).node(13, -50, 100);
  osm.way(20, {1, 2, 3, 4, 1}, tags({{"highway", "pedestrian"}, {"area", "yes"}}));
  osm.way(21, {10, 1}, tags({{"highway", "footway"}}));
  osm.way(22, {11, 2}, tags({{"highway", "footway"}}));
  osm.way(23, {12, 3}, tags({{"highway", "footway"}}));
  osm.way(24, {13, 4}, tags({{"highway", "footway"}}));
  const BuildResult built = build_walking_graph(osm.data);
  EXPECT_EQ(built.stats.area_crossings, 2U);  // the two diagonals; sides are the ring itself
  int crossings = 0;
  for (const GraphEdge& e : built.graph.edges()) {
    if ((e.flags & kEdgeAreaCrossing) != 0) {
      ++crossings;
      EXPECT_NEAR(e.length_dm / 10.0, 141.4, 0.5);
    }
  }
  EXPECT_EQ(crossings, 2);
}

TEST(GraphBuilder, DoesNotCrossOutsideAConcaveSquare) {
  //  An L-shaped square with entrances at a, b and c:
  //   d -------- c
  //   |          |
  //   |     f -- e
  //   |     |
  //   a --- b
  // a-c stays inside; b-c would cut through the notch below f-e; a-b are ring neighbours.
  OsmFixture osm;
  osm.node(1, 0, 0)
      .node(2, 60, 0)
      .node(3, 60, 40)
      .node(4, 100, 40)
      .node(5, 100, 100)
      .node(6, 0, 100);
  osm.node(10, -20, 0).node(11, 120, 100).node(12, 60, -20);
  osm.way(20, {1, 2, 3, 4, 5, 6, 1}, tags({{"highway", "pedestrian"}, {"area", "yes"}}));
  osm.way(21, {10, 1}, tags({{"highway", "footway"}}));
  osm.way(22, {11, 5}, tags({{"highway", "footway"}}));
  osm.way(23, {12, 2}, tags({{"highway", "footway"}}));
  const BuildResult built = build_walking_graph(osm.data);
  EXPECT_EQ(built.stats.area_crossings, 1U);
  for (const GraphEdge& e : built.graph.edges()) {
    if ((e.flags & kEdgeAreaCrossing) != 0) {
      EXPECT_NEAR(e.length_dm / 10.0, 141.4, 0.5);
    }
  }
}

TEST(GraphBuilder, FirstNodeAndWayOfAnIdWin) {
  OsmFixture osm;
  osm.node(1, 0, 0).node(2, 100, 0).node(2, 500, 0);
  osm.way(10, {1, 2}, tags({{"highway", "footway"}}));
  osm.way(10, {1, 2}, tags({{"highway", "motorway"}}));
  const BuildResult built = build_walking_graph(osm.data);
  EXPECT_EQ(built.stats.walkable_ways, 1U);
  EXPECT_NEAR(total_metres(built.graph), 100.0, 0.5);
}

TEST(GraphBuilder, IsDeterministic) {
  OsmFixture osm;
  for (int i = 0; i < 30; ++i) osm.node(i, (i % 6) * 80.0, (i / 6) * 70.0);
  for (int row = 0; row < 5; ++row) {
    osm.way(100 + row,
            {row * 6, row * 6 + 1, row * 6 + 2, row * 6 + 3, row * 6 + 4, row * 6 + 5},
            tags({{"highway", "residential"}}));
  }
  for (int col = 0; col < 6; col += 2) {
    osm.way(
        200 + col, {col, col + 6, col + 12, col + 18, col + 24}, tags({{"highway", "footway"}}));
  }
  const std::vector<std::uint8_t> first = encode_graph(build_walking_graph(osm.data).graph, {});
  const std::vector<std::uint8_t> second = encode_graph(build_walking_graph(osm.data).graph, {});
  EXPECT_EQ(first, second);
  EXPECT_GT(first.size(), 40U);
}

}  // namespace
}  // namespace core::routing
