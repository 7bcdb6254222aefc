#include <gtest/gtest.h>

#include "shared/algo/stop_value.h"

namespace {

using core::algo::stop_minutes;
using core::algo::stop_value;

TEST(StopValue, DoublesEveryTenPoints) {
  EXPECT_DOUBLE_EQ(stop_value(100), 100.0);
  EXPECT_DOUBLE_EQ(stop_value(90), 50.0);
  EXPECT_DOUBLE_EQ(stop_value(60), 6.25);
  EXPECT_DOUBLE_EQ(stop_value(70) / stop_value(60), 2.0);
}

TEST(StopValue, AHeadlineSightOutweighsTheFillersOfItsTime) {
  // The case: one 93-point stop of 45 minutes against three 45-point stops of 15.
  EXPECT_GT(stop_value(93), 3 * stop_value(45));
  // And against six 5-minute plaques of 45 in a 30-minute stop.
  EXPECT_GT(stop_value(93), 6 * stop_value(45));
}

TEST(StopValue, ClampsScoresOutsideTheScale) {
  EXPECT_DOUBLE_EQ(stop_value(140), stop_value(100));
  EXPECT_DOUBLE_EQ(stop_value(-5), stop_value(0));
  EXPECT_GT(stop_value(0), 0.0);
}

TEST(StopMinutes, CapsAStopAtASixthOfTheTourAndNeverBelowAQuarterHour) {
  EXPECT_EQ(stop_minutes(90, 180), 30);
  EXPECT_EQ(stop_minutes(20, 180), 20);
  EXPECT_EQ(stop_minutes(120, 360), 60);
  EXPECT_EQ(stop_minutes(45, 60), 15);
}

}  // namespace
