#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "shared/algo/geo.h"
#include "shared/algo/stop_value.h"
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

Planned plan(const std::vector<Attraction>& attractions,
             const GenerationOptions& options,
             const std::vector<Tour>& previous = {}) {
  Planned planned;
  planned.points = core::algo::plan_points(attractions, options);
  const auto matrix = core::algo::walking_matrix(
      planned.points.points, {options.walking_speed_kmh, options.detour_factor});
  core::planner::SolveOptions solve;
  solve.seed = options.seed;
  planned.result =
      core::algo::plan_tours(attractions, planned.points, matrix, options, previous, solve);
  return planned;
}

double value_of(const Tour& tour) {
  double value = 0.0;
  for (const auto& stop : tour.stops) value += core::algo::stop_value(stop.interest_score);
  return value;
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
    EXPECT_FALSE(tour.title.empty());
    if (i > 0) {
      EXPECT_NE(planned.result.tours[i - 1].title, tour.title);
      EXPECT_GE(value_of(planned.result.tours[i - 1]), value_of(tour))
          << "most valuable tour first";
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
      const auto it = std::find_if(attractions.begin(),
                                   attractions.end(),
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
  for (int i : {35, 30, 31})
    frozen.stops.push_back({attractions[static_cast<std::size_t>(i)].id, "", {}, 0, 0, false});
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

namespace {

Attraction sight(const std::string& name, double lat, double lon, double score, int minutes) {
  Attraction a;
  a.source_id = "test:" + name;
  a.id = core::model::attraction_id(a.source_id);
  a.name = name;
  a.location = {lat, lon};
  a.interest_score = score;
  a.visit_minutes = minutes;
  a.included = true;
  return a;
}

// `count` sights of `score` on a line eastwards from (lat, lon), `step_m` apart.
std::vector<Attraction> line_of(const std::string& prefix,
                                int count,
                                double lat,
                                double lon,
                                double step_m,
                                double score,
                                int minutes) {
  std::vector<Attraction> sights;
  const double step_deg = step_m / (111320.0 * std::cos(lat * 3.14159265358979 / 180.0));
  for (int i = 0; i < count; ++i) {
    sights.push_back(
        sight(prefix + " " + std::to_string(i), lat, lon + i * step_deg, score, minutes));
  }
  return sights;
}

bool visits(const std::vector<Tour>& tours, const Attraction& a) {
  for (const Tour& tour : tours) {
    for (const auto& stop : tour.stops) {
      if (stop.attraction_id == a.id) return true;
    }
  }
  return false;
}

TEST(PlanTours, HeadlineSightBeatsTheFillersThatCouldReplaceIt) {
  // One hour, a 93-point museum (30 min) among twelve 45-point plaques (5 min each): a plain sum
  // of scores would take eight plaques (360 points) over the museum and two plaques (183).
  std::vector<Attraction> attractions = line_of("Plaque", 12, 41.145, -8.612, 60.0, 45, 5);
  const Attraction museum = sight("National Museum", 41.1455, -8.6115, 93, 30);
  attractions.push_back(museum);
  GenerationOptions options;
  options.tours = 1;
  options.minutes_per_tour = 60;
  const Planned planned = plan(attractions, options);
  ASSERT_EQ(planned.result.tours.size(), 1u);
  EXPECT_TRUE(visits(planned.result.tours, museum));
  EXPECT_EQ(planned.result.tours.front().title.rfind("National Museum", 0), 0u)
      << "titled after its headline";
}

TEST(PlanTours, ALoneSightFarFromOthersDoesNotTakeATourFromACluster) {
  // Two clusters of temples and one palace 8 km away that no other stop can reach within the
  // leg limit: a tour of the palace alone is a crumb; the second tour belongs to the second
  // cluster.
  std::vector<Attraction> attractions = line_of("West temple", 7, 35.015, 135.67, 400.0, 65, 20);
  for (Attraction& a : line_of("East temple", 4, 35.12, 135.83, 400.0, 65, 20))
    attractions.push_back(a);
  const Attraction palace = sight("Lone palace", 34.94, 135.78, 80, 30);
  attractions.push_back(palace);
  GenerationOptions options;
  options.tours = 2;
  const Planned planned = plan(attractions, options);
  ASSERT_EQ(planned.result.tours.size(), 2u);
  for (const Tour& tour : planned.result.tours) EXPECT_GE(tour.stops.size(), 3u) << tour.title;
  EXPECT_FALSE(visits(planned.result.tours, palace));
  expect_feasible_and_disjoint(planned.result.tours, options.minutes_per_tour);
}

TEST(PlanTours, OffersFewerFullerToursRatherThanCrumbs) {
  // Six 15-minute sights fill one tour of three hours; K = 4 is a maximum, not a quota.
  const std::vector<Attraction> attractions = line_of("Sight", 6, 41.145, -8.612, 150.0, 60, 15);
  GenerationOptions options;
  options.tours = 4;
  const Planned planned = plan(attractions, options);
  ASSERT_EQ(planned.result.tours.size(), 1u);
  EXPECT_EQ(planned.result.tours.front().stops.size(), 6u);
}

TEST(PlanTours, NeverWalksALegLongerThanTheLimit) {
  // Two groups 2 km apart; a six-hour tour could take both, but not over a 2 km leg.
  std::vector<Attraction> attractions = line_of("North", 4, 41.16, -8.61, 200.0, 70, 10);
  for (Attraction& a : line_of("South", 4, 41.142, -8.61, 200.0, 70, 10)) attractions.push_back(a);
  GenerationOptions options;
  options.tours = 1;
  options.minutes_per_tour = 360;
  options.max_leg_m = 800;
  const Planned planned = plan(attractions, options);
  ASSERT_EQ(planned.result.tours.size(), 1u);
  EXPECT_EQ(planned.result.tours.front().stops.size(), 4u);
  for (const auto& leg : planned.result.tours.front().legs) EXPECT_LE(leg.distance_m, 800.0);
}

TEST(PlanTours, KeepsEveryStopWithinTheRadiusOfItsTour) {
  // Twenty sights 300 m apart on a 5.7 km line; one long tour could walk it all.
  const std::vector<Attraction> attractions = line_of("Sight", 20, 41.15, -8.65, 300.0, 70, 5);
  GenerationOptions options;
  options.tours = 2;
  options.minutes_per_tour = 300;
  options.tour_radius_m = 700;
  const Planned planned = plan(attractions, options);
  ASSERT_FALSE(planned.result.tours.empty());
  for (const Tour& tour : planned.result.tours) {
    double radius = 1e18;
    for (const auto& centre : tour.stops) {
      double farthest = 0.0;
      for (const auto& stop : tour.stops) {
        farthest = std::max(farthest, core::algo::haversine_m(centre.location, stop.location));
      }
      radius = std::min(radius, farthest);
    }
    EXPECT_LE(radius, 700.0) << tour.title;
  }
}

TEST(PlanTours, StartsAtTheEndNearerTheMiddleOfTheStops) {
  GenerationOptions options;
  options.tours = 3;
  options.minutes_per_tour = 90;
  const Planned planned = plan(grid(), options);
  core::model::GeoPoint middle{0.0, 0.0};
  const auto sights = grid();
  for (const Attraction& a : sights) {
    middle.lat_deg += a.location.lat_deg / static_cast<double>(sights.size());
    middle.lon_deg += a.location.lon_deg / static_cast<double>(sights.size());
  }
  for (const Tour& tour : planned.result.tours) {
    EXPECT_LE(core::algo::haversine_m(tour.stops.front().location, middle),
              core::algo::haversine_m(tour.stops.back().location, middle))
        << tour.title;
  }
}

}  // namespace
