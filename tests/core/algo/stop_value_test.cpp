#include <gtest/gtest.h>

#include "shared/algo/stop_value.h"

namespace {

using core::algo::stop_minutes;
using core::algo::stop_value;

TEST(StopValue, DoublesEveryFifteenPoints) {
  EXPECT_DOUBLE_EQ(stop_value(100), 100.0);
  EXPECT_DOUBLE_EQ(stop_value(85), 50.0);
  EXPECT_DOUBLE_EQ(stop_value(70), 25.0);
  EXPECT_DOUBLE_EQ(stop_value(75) / stop_value(60), 2.0);
}

TEST(StopValue, AHeadlineSightOutweighsTheFillersOfItsTime) {
  // The case: one 93-point stop against three 45-point stops taking the same time.
  EXPECT_GT(stop_value(93), 3 * stop_value(45));
  EXPECT_GT(stop_value(93), 5 * stop_value(45));
  // ...yet two good sights are worth more than one headline.
  EXPECT_GT(2 * stop_value(83), stop_value(93));
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
