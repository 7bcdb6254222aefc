#include <gtest/gtest.h>

#include "shared/algo/tour_shape.h"

namespace {

using core::algo::TravelMatrix;
using core::model::GeoPoint;

// Points on a parallel, `step_m` apart (1e-3 degree of longitude at 41.15 N is about 83.8 m).
std::vector<GeoPoint> row(int count, double step_deg) {
  std::vector<GeoPoint> points;
  for (int i = 0; i < count; ++i) points.push_back({41.15, -8.6 + i * step_deg});
  return points;
}

TEST(LimitLegs, MarksOnlyLongWalksBetweenStops) {
  TravelMatrix matrix{core::planner::CostMatrix(3, 0.0), core::planner::CostMatrix(3, 0.0)};
  matrix.metres(0, 1) = 2000;  // node 0 is the walker's fixed start: any length is theirs
  matrix.metres(1, 2) = 1600;
  matrix.metres(2, 1) = 900;  // one-way paths: the other direction stays walkable
  core::planner::CostMatrix minutes(3, 5.0);
  core::algo::limit_legs(minutes, matrix, {0, 1, 1}, 1500);
  EXPECT_EQ(minutes(0, 1), 5.0);
  EXPECT_EQ(minutes(1, 2), core::algo::kUnreachable);
  EXPECT_EQ(minutes(2, 1), 5.0);
}

TEST(TourRadius, IsTheSmallestCircleAroundOneOfTheStops) {
  const std::vector<GeoPoint> points = row(5, 0.01);  // 838 m apart
  EXPECT_NEAR(core::algo::tour_radius_m({0, 1, 2, 3, 4}, points), 2 * 838.0, 5.0);
  EXPECT_NEAR(core::algo::tour_radius_m({0, 1}, points), 838.0, 5.0);
  EXPECT_EQ(core::algo::tour_radius_m({}, points), 0.0);
}

TEST(ZonesFor, AnchorsAnEmptyTourWhereTheMostValueLiesOutsideTheOtherZones) {
  // Nodes 0-2 form tour 0; nodes 3-5 are a rich group 5 km east; node 6 a lone sight in between.
  std::vector<GeoPoint> points = row(3, 0.002);
  for (const GeoPoint& p : row(3, 0.002)) points.push_back({p.lat_deg, p.lon_deg + 0.06});
  points.push_back({41.15, -8.57});
  const std::vector<double> value{10, 10, 10, 8, 8, 8, 20};
  const auto zones =
      core::algo::zones_for({{0, 1, 2}, {}}, {0, 1, 2, 3, 4, 5, 6}, value, points, 500);
  ASSERT_EQ(zones.size(), 2u);
  EXPECT_EQ(zones[0], (std::vector<char>{1, 1, 1, 0, 0, 0, 0}));
  EXPECT_EQ(zones[1], (std::vector<char>{0, 0, 0, 1, 1, 1, 0}))
      << "three 8s are worth more than one 20";
}

TEST(StartNearCentre, TurnsATourRoundOnlyWhenItFits) {
  const std::vector<GeoPoint> points = row(3, 0.01);
  const GeoPoint centre = points[2];
  core::planner::CostMatrix minutes(3, 10.0);
  std::vector<int> stops{0, 1, 2};
  EXPECT_TRUE(core::algo::start_near_centre(stops, points, centre, minutes, 0.0));
  EXPECT_EQ(stops, (std::vector<int>{2, 1, 0}));
  EXPECT_FALSE(core::algo::start_near_centre(stops, points, centre, minutes, 0.0))
      << "already starts there";
  minutes(1, 0) = 30.0;  // walking back up a one-way path takes longer than the slack allows
  stops = {0, 1, 2};
  EXPECT_FALSE(core::algo::start_near_centre(stops, points, centre, minutes, 5.0));
}

}  // namespace
