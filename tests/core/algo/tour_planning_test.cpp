#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "shared/algo/geo.h"
#include "shared/algo/tour_planning.h"
#include "shared/algo/walking_model.h"

namespace {

using core::model::Attraction;
using core::model::GenerationOptions;
using core::model::Tour;

// A 6 x 6 grid of sights 250 m apart around Porto's centre.
std::vector<Attraction> grid(int side = 6) {
  std::vector<Attraction> attractions;
  for (int row = 0; row < side; ++row) {
    for (int col = 0; col < side; ++col) {
      Attraction a;
      a.source_id = "test:" + std::to_string(row) + "/" + std::to_string(col);
      a.id = core::model::attraction_id(a.source_id);
      a.name = "Sight " + std::to_string(row * side + col);
      a.location = {41.14 + row * 0.00225, -8.62 + col * 0.003};
      a.interest_score = 40 + (row * 7 + col * 3) % 50;
      a.visit_minutes = 10 + (row + col) % 3 * 5;
      a.included = true;
      attractions.push_back(a);
    }
  }
  return attractions;
}

struct Planned {
  core::algo::PlanResult result;
  core::algo::PlanPoints points;
};

Planned plan(const std::vector<Attraction>& attractions, const GenerationOptions& options,
             const std::vector<Tour>& previous = {}) {
  Planned planned;
  planned.points = core::algo::plan_points(attractions, options);
  const auto matrix = core::algo::walking_matrix(planned.points.points, {options.walking_speed_kmh, options.detour_factor});
  core::planner::SolveOptions solve;
  solve.seed = options.seed;
  planned.result = core::algo::plan_tours(attractions, planned.points, matrix, options, previous, solve);
  return planned;
}

void expect_feasible_and_disjoint(const std::vector<Tour>& tours, int budget) {
  std::set<std::string> seen;
  for (const Tour& tour : tours) {
    EXPECT_LE(tour.total_minutes, budget + 1e-6) << tour.title;
    double walk = 0;
    for (const auto& leg : tour.legs) walk += leg.walk_minutes;
    int visits = 0;
    for (const auto& stop : tour.stops) {
      visits += stop.visit_minutes;
      EXPECT_TRUE(seen.insert(stop.attraction_id).second) << "visited twice: " << stop.name;
    }
    EXPECT_NEAR(tour.total_minutes, walk + visits, 1e-9);
  }
}

TEST(PlanTours, PlansKDisjointToursWithinBudget) {
  GenerationOptions options;
  options.tours = 3;
  options.minutes_per_tour = 90;
  const Planned planned = plan(grid(), options);
  ASSERT_EQ(planned.result.tours.size(), 3u);
  expect_feasible_and_disjoint(planned.result.tours, 90);
  for (std::size_t i = 0; i < planned.result.tours.size(); ++i) {
    const Tour& tour = planned.result.tours[i];
    EXPECT_EQ(tour.index, static_cast<int>(i));
    EXPECT_EQ(tour.legs.size(), tour.stops.size() - 1) << "free ends: legs join consecutive stops";
    EXPECT_EQ(tour.title.rfind("Tour " + std::to_string(i + 1) + ": ", 0), 0u);
    if (i > 0) {
      EXPECT_GE(planned.result.tours[i - 1].interest, tour.interest) << "richest tour first";
    }
  }
}

TEST(PlanTours, IsDeterministicForASeed) {
  GenerationOptions options;
  options.minutes_per_tour = 60;
  EXPECT_EQ(plan(grid(), options).result.tours, plan(grid(), options).result.tours);
}

TEST(PlanTours, FewerToursWhenTooFewAttractions) {
  GenerationOptions options;
  options.tours = 4;
  const Planned planned = plan(grid(2), options);  // 4 stops: one tour of at least 3
  EXPECT_EQ(planned.result.tours.size(), 1u);
}

TEST(PlanTours, LoopsFromAFixedStart) {
  GenerationOptions options;
  options.tours = 2;
  options.minutes_per_tour = 80;
  options.start = core::model::GeoPoint{41.145, -8.61};
  const Planned planned = plan(grid(), options);
  ASSERT_FALSE(planned.result.tours.empty());
  for (const Tour& tour : planned.result.tours) {
    ASSERT_TRUE(tour.start && tour.end);
    EXPECT_EQ(*tour.start, *options.start);
    EXPECT_EQ(*tour.end, *options.start);
    EXPECT_EQ(tour.legs.size(), tour.stops.size() + 1);
  }
  expect_feasible_and_disjoint(planned.result.tours, 80);
}

TEST(PlanTours, SkipsExcludedAttractions) {
  auto attractions = grid();
  for (std::size_t i = 0; i < attractions.size(); i += 2) attractions[i].editor.included = false;
  const Planned planned = plan(attractions, GenerationOptions{});
  for (const Tour& tour : planned.result.tours) {
    for (const auto& stop : tour.stops) {
      const auto it = std::find_if(attractions.begin(), attractions.end(),
                                   [&](const Attraction& a) { return a.id == stop.attraction_id; });
      EXPECT_TRUE(core::model::effective_included(*it)) << stop.name;
    }
  }
}

TEST(PlanTours, HonoursLocksAndFrozenTours) {
  auto attractions = grid();
  attractions[0].editor.locked_tour = 1;  // lock "Sight 0" into the second tour
  GenerationOptions options;
  options.tours = 3;
  options.minutes_per_tour = 75;
  Tour frozen;
  frozen.index = 2;
  frozen.order_locked = true;
  for (int i : {35, 30, 31}) frozen.stops.push_back({attractions[static_cast<std::size_t>(i)].id, "", {}, 0, 0, false});
  const Planned planned = plan(attractions, options, {frozen});
  ASSERT_EQ(planned.result.tours.size(), 3u);
  const auto& second = planned.result.tours[1].stops;
  EXPECT_TRUE(std::any_of(second.begin(), second.end(), [&](const auto& s) {
    return s.attraction_id == attractions[0].id && s.locked;
  }));
  const Tour& third = planned.result.tours[2];
  ASSERT_EQ(third.stops.size(), 3u);
  EXPECT_TRUE(third.order_locked);
  EXPECT_EQ(third.stops[0].attraction_id, attractions[35].id);
  EXPECT_EQ(third.stops[1].attraction_id, attractions[30].id);
  EXPECT_EQ(third.stops[2].attraction_id, attractions[31].id);
}

TEST(PlanTours, WarnsWhenAMustIncludeStopCannotFit) {
  auto attractions = grid();
  Attraction far;
  far.source_id = "test:far";
  far.id = core::model::attraction_id(far.source_id);
  far.name = "Far away castle";
  far.location = {41.40, -8.62};  // ~28 km north
  far.interest_score = 90;
  far.visit_minutes = 30;
  far.included = true;
  far.editor.included = true;  // the editor insists
  attractions.push_back(far);
  GenerationOptions options;
  options.start = core::model::GeoPoint{41.145, -8.61};
  const Planned planned = plan(attractions, options);
  ASSERT_FALSE(planned.result.warnings.empty());
  EXPECT_NE(planned.result.warnings.front().find("Far away castle"), std::string::npos);
  for (const Tour& tour : planned.result.tours) {
    for (const auto& stop : tour.stops) EXPECT_NE(stop.attraction_id, far.id);
  }
}

}  // namespace
