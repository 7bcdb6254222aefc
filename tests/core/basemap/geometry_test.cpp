#include "shared/basemap/geometry.h"

#include <gtest/gtest.h>

namespace core::basemap {
namespace {

using algo::WorldPoint;

const WorldBox kBox{{0.0, 0.0}, {10.0, 10.0}};

TEST(BasemapGeometry, ClipLineCutsWhereTheLineCrossesAndSplitsOnReentry) {
  // In, out over the right edge, back in: two pieces, cut exactly on x = 10.
  const std::vector<WorldPoint> line{{5, 5}, {15, 5}, {15, 8}, {5, 8}};
  const auto pieces = clip_line(line, kBox);
  ASSERT_EQ(pieces.size(), 2u);
  ASSERT_EQ(pieces[0].size(), 2u);
  EXPECT_DOUBLE_EQ(pieces[0][1].x, 10.0);
  EXPECT_DOUBLE_EQ(pieces[1][0].x, 10.0);
  EXPECT_DOUBLE_EQ(pieces[1][1].x, 5.0);
  EXPECT_TRUE(clip_line(std::vector<WorldPoint>{{20, 20}, {30, 30}}, kBox).empty());
}

TEST(BasemapGeometry, ClipRingKeepsTheInsideAndRunsAlongTheEdge) {
  const std::vector<WorldPoint> ring{{5, 5}, {15, 5}, {15, 8}, {5, 8}};
  const auto clipped = clip_ring(ring, kBox);
  ASSERT_EQ(clipped.size(), 4u);
  for (const WorldPoint& p : clipped) EXPECT_LE(p.x, 10.0);
  EXPECT_TRUE(clip_ring(std::vector<WorldPoint>{{20, 20}, {30, 20}, {30, 30}}, kBox).empty());
}

TEST(BasemapGeometry, SimplifyDropsOnlyPointsWithinTheTolerance) {
  const std::vector<WorldPoint> line{{0, 0}, {1, 0.05}, {2, 0}, {3, 2}, {4, 0}};
  const auto kept = simplify(line, 0.1);
  ASSERT_EQ(kept.size(), 4u);  // the 0.05 wiggle goes, the 2-high peak stays
  EXPECT_DOUBLE_EQ(kept[1].x, 2.0);
  EXPECT_EQ(simplify(line, 5.0).size(), 2u);
}

TEST(BasemapGeometry, PointAlongWalksTheLength) {
  const std::vector<WorldPoint> line{{0, 0}, {4, 0}, {4, 4}};
  EXPECT_DOUBLE_EQ(line_length(line), 8.0);
  const WorldPoint middle = point_along(line, 0.5);
  EXPECT_DOUBLE_EQ(middle.x, 4.0);
  EXPECT_DOUBLE_EQ(middle.y, 0.0);
  EXPECT_DOUBLE_EQ(point_along(line, 0.75).y, 2.0);
}

}  // namespace
}  // namespace core::basemap
