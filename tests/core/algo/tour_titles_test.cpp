#include <gtest/gtest.h>

#include <set>

#include "shared/algo/tour_titles.h"

namespace {

using core::model::Tour;

Tour tour_of(std::initializer_list<std::pair<const char*, double>> stops) {
  Tour tour;
  for (const auto& [name, score] : stops) tour.stops.push_back({"", name, {}, 10, score, false});
  return tour;
}

TEST(TitleTours, NamesTheTwoMostInterestingStops) {
  std::vector<Tour> tours{tour_of({{"Fountain", 40}, {"Cathedral", 90}, {"Tower", 85}})};
  core::algo::title_tours(tours);
  EXPECT_EQ(tours[0].title, "Cathedral & Tower");
  EXPECT_EQ(tours[0].index, 0);
}

TEST(TitleTours, KeepsTitlesDistinctWhenStopsShareNames) {
  // Two tours whose best stops carry the same names (two "St Mary" churches, two "Castle" ruins).
  std::vector<Tour> tours{tour_of({{"St Mary", 80}, {"Castle", 70}, {"Mill", 50}}),
                          tour_of({{"St Mary", 80}, {"Castle", 70}, {"Bridge", 60}}),
                          tour_of({{"St Mary", 80}, {"St Mary", 70}})};
  core::algo::title_tours(tours);
  std::set<std::string> titles;
  for (const Tour& tour : tours) EXPECT_TRUE(titles.insert(tour.title).second) << tour.title;
  EXPECT_EQ(tours[1].title, "St Mary & Bridge");
}

}  // namespace
