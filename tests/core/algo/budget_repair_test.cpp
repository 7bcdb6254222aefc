#include <gtest/gtest.h>

#include "shared/algo/budget_repair.h"
#include "shared/algo/polyline.h"

namespace {

using core::model::GeoPoint;
using core::model::Tour;
using core::model::TourLeg;

// A free-ended tour of `scores` with `visit` minutes each, every leg `walk` minutes long.
Tour tour_of(const std::vector<double>& scores, int visit, double walk, int budget) {
  Tour tour;
  tour.budget_minutes = budget;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const GeoPoint at{41.15, -8.61 + 0.001 * static_cast<double>(i)};
    tour.stops.push_back(
        {"a" + std::to_string(i), "Stop " + std::to_string(i), at, visit, scores[i], false});
    if (i > 0) {
      tour.legs.push_back(
          {walk * 80.0, walk, core::algo::encode_polyline({tour.stops[i - 1].location, at})});
    }
  }
  core::model::recompute_totals(tour);
  return tour;
}

TEST(JoinLegs, AddsUpAndWalksThroughTheDroppedWaypoint) {
  const GeoPoint a{41.15, -8.61}, b{41.151, -8.612}, c{41.152, -8.611};
  const TourLeg joined = core::algo::join_legs({100, 2, core::algo::encode_polyline({a, b})},
                                               {150, 3, core::algo::encode_polyline({b, c})});
  EXPECT_DOUBLE_EQ(joined.distance_m, 250);
  EXPECT_DOUBLE_EQ(joined.walk_minutes, 5);
  const auto path = core::algo::decode_polyline(joined.polyline);
  ASSERT_EQ(path.size(), 3u);
  EXPECT_NEAR(path[1].lat_deg, b.lat_deg, 1e-5);
}

TEST(DropUntilWithinBudget, LeavesAFittingTourAlone) {
  Tour tour = tour_of({80, 70, 60}, 20, 10, 180);
  EXPECT_TRUE(core::algo::drop_until_within_budget(tour).empty());
  EXPECT_EQ(tour.stops.size(), 3u);
}

TEST(DropUntilWithinBudget, DropsTheLeastValuableStopsUntilItFits) {
  // 6 stops x 20 min + 5 legs x 16 min = 200 of 180 on the measured walks.
  Tour tour = tour_of({90, 85, 50, 88, 80, 86}, 20, 16, 180);
  ASSERT_NEAR(tour.total_minutes, 200, 1e-9);
  const auto dropped = core::algo::drop_until_within_budget(tour);
  ASSERT_EQ(dropped, (std::vector<std::string>{"Stop 2"}));
  EXPECT_LE(tour.total_minutes, 180);
  ASSERT_EQ(tour.legs.size(), tour.stops.size() - 1);
  EXPECT_DOUBLE_EQ(tour.legs[1].walk_minutes, 32)
      << "the walk from stop 1 to 3 still passes stop 2";
}

TEST(DropUntilWithinBudget, AnEndStopAlsoSavesItsLeg) {
  // Equal scores: the first stop saves its visit and its 40-minute leg, more than any middle stop.
  Tour tour = tour_of({70, 70, 70}, 20, 40, 100);
  const auto dropped = core::algo::drop_until_within_budget(tour);
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_EQ(tour.stops.size(), 2u);
  EXPECT_DOUBLE_EQ(tour.total_minutes, 80);
}

TEST(DropUntilWithinBudget, KeepsLockedStops) {
  Tour tour = tour_of({40, 90}, 60, 100, 100);
  tour.stops[0].locked = true;
  const auto dropped = core::algo::drop_until_within_budget(tour);
  EXPECT_EQ(dropped, (std::vector<std::string>{"Stop 1"}));
  EXPECT_EQ(tour.stops.front().name, "Stop 0");
}

}  // namespace
