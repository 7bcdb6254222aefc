// An editor's changes to a draft (shared/edit/draft_edits.h), without the HTTP layer around them.
#include "shared/edit/draft_edits.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "shared/errors.h"
#include "tests/core/edit/edit_fixture.h"

namespace {

using core::edit::AttractionPatch;
using core::edit::TourEdit;
using core::model::Revision;
using core::model::Tour;
using narrando::testing::edit_draft;
using narrando::testing::stop_ids;

const core::algo::WalkingModel kWalking{};

core::model::Attraction& sight(Revision& draft, const std::string& id) {
  return *std::find_if(draft.attractions.begin(), draft.attractions.end(), [&](const auto& a) {
    return a.id == id;
  });
}

// Walking metres along the tour's waypoints, straight legs with the walking model.
double walked_metres(const Tour& tour) {
  const std::vector<core::model::GeoPoint> points = core::model::waypoints(tour);
  double metres = 0.0;
  for (std::size_t i = 1; i < points.size(); ++i) {
    metres += core::algo::walking_metres(points[i - 1], points[i], kWalking);
  }
  return metres;
}

// The legs join consecutive waypoints and the totals add up.
void expect_legs_match_stops(const Tour& tour) {
  const std::vector<core::model::GeoPoint> points = core::model::waypoints(tour);
  ASSERT_EQ(tour.legs.size() + 1, points.size());
  double minutes = 0.0;
  for (std::size_t i = 0; i < tour.legs.size(); ++i) {
    EXPECT_NEAR(tour.legs[i].distance_m,
                core::algo::walking_metres(points[i], points[i + 1], kWalking),
                1e-6);
    minutes += tour.legs[i].walk_minutes;
  }
  int visits = 0;
  for (const auto& stop : tour.stops) visits += stop.visit_minutes;
  EXPECT_NEAR(tour.walk_minutes, minutes, 1e-9);
  EXPECT_EQ(tour.visit_minutes, visits);
  EXPECT_NEAR(tour.total_minutes, minutes + visits, 1e-9);
}

TEST(AttractionPatch, ExcludingAStopTakesItOutAndReestimatesTheLegs) {
  Revision draft = edit_draft(kWalking);
  const Tour other_before = draft.tours[1];
  AttractionPatch patch;
  patch.included = false;
  core::edit::apply_attraction_patch(draft, "s1", patch, kWalking);
  EXPECT_EQ(sight(draft, "s1").editor.included, false);
  EXPECT_EQ(stop_ids(draft.tours[0]), (std::vector<std::string>{"s0", "s2"}));
  expect_legs_match_stops(draft.tours[0]);
  EXPECT_EQ(draft.tours[1], other_before);
}

TEST(AttractionPatch, IncludingAgainDoesNotPutTheStopBackInATour) {
  Revision draft = edit_draft(kWalking);
  AttractionPatch patch;
  patch.included = true;
  core::edit::apply_attraction_patch(draft, "s6", patch, kWalking);
  EXPECT_TRUE(core::model::effective_included(sight(draft, "s6")));
  for (const Tour& tour : draft.tours) {
    const std::vector<std::string> ids = stop_ids(tour);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "s6"), 0);
  }
}

struct LockCase {
  const char* label;
  std::string id;
  int target;

  friend void PrintTo(const LockCase& c, std::ostream* os) { *os << c.label; }
};

class LockIntoTour : public ::testing::TestWithParam<LockCase> {};

// The stop leaves every other tour and lands where it adds the least walking.
TEST_P(LockIntoTour, MovesTheStopToTheCheapestPosition) {
  Revision draft = edit_draft(kWalking);
  const Tour target_before = draft.tours[static_cast<std::size_t>(GetParam().target)];
  AttractionPatch patch;
  patch.locked_tour = GetParam().target;
  core::edit::apply_attraction_patch(draft, GetParam().id, patch, kWalking);

  for (const Tour& tour : draft.tours) {
    const auto ids = stop_ids(tour);
    const auto found = std::count(ids.begin(), ids.end(), GetParam().id);
    EXPECT_EQ(found, tour.index == GetParam().target ? 1 : 0) << "tour " << tour.index;
    expect_legs_match_stops(tour);
    for (const auto& stop : tour.stops) EXPECT_EQ(stop.locked, stop.attraction_id == GetParam().id);
  }
  EXPECT_EQ(sight(draft, GetParam().id).editor.locked_tour, GetParam().target);
  const Tour& target = draft.tours[static_cast<std::size_t>(GetParam().target)];
  ASSERT_EQ(target.stops.size(), target_before.stops.size() + 1);
  for (std::size_t position = 0; position <= target_before.stops.size(); ++position) {
    Tour alternative = target_before;
    alternative.stops.insert(alternative.stops.begin() + static_cast<std::ptrdiff_t>(position),
                             narrando::testing::stop_of(sight(draft, GetParam().id)));
    EXPECT_LE(walked_metres(target), walked_metres(alternative) + 1e-6) << "position " << position;
  }
}

INSTANTIATE_TEST_SUITE_P(Stops,
                         LockIntoTour,
                         ::testing::Values(LockCase{"FromTourZeroIntoOne", "s1", 1},
                                           LockCase{"FromTourOneIntoZero", "s4", 0},
                                           LockCase{"UnplacedIntoZero", "s5", 0},
                                           LockCase{"UnplacedIntoOne", "s5", 1}),
                         [](const auto& c) { return std::string(c.param.label); });

TEST(AttractionPatch, LockingIntoItsOwnTourOnlyMarksTheStop) {
  Revision draft = edit_draft(kWalking);
  AttractionPatch patch;
  patch.locked_tour = 0;
  core::edit::apply_attraction_patch(draft, "s1", patch, kWalking);
  EXPECT_EQ(stop_ids(draft.tours[0]), (std::vector<std::string>{"s0", "s1", "s2"}));
  EXPECT_TRUE(draft.tours[0].stops[1].locked);
  EXPECT_FALSE(draft.tours[0].stops[0].locked);
}

TEST(AttractionPatch, LockingIntoATourNotYetPlannedCreatesIt) {
  Revision draft = edit_draft(kWalking);
  draft.options.tours = 3;
  AttractionPatch patch;
  patch.locked_tour = 2;
  core::edit::apply_attraction_patch(draft, "s5", patch, kWalking);
  ASSERT_EQ(draft.tours.size(), 3U);
  EXPECT_EQ(draft.tours[2].index, 2);
  EXPECT_EQ(stop_ids(draft.tours[2]), (std::vector<std::string>{"s5"}));
  EXPECT_EQ(draft.tours[2].budget_minutes, draft.options.minutes_per_tour);
  expect_legs_match_stops(draft.tours[2]);
}

TEST(AttractionPatch, RenamedRetimedAndRescoredStopsShowTheNewValues) {
  Revision draft = edit_draft(kWalking);
  AttractionPatch patch;
  patch.name = std::optional<std::string>("Old Market");
  patch.visit_minutes = std::optional<int>(45);
  patch.interest_score = std::optional<double>(99.0);
  core::edit::apply_attraction_patch(draft, "s2", patch, kWalking);
  const core::model::TourStop& stop = draft.tours[0].stops[2];
  EXPECT_EQ(stop.name, "Old Market");
  EXPECT_EQ(stop.visit_minutes, 45);
  EXPECT_EQ(stop.interest_score, 99.0);
  expect_legs_match_stops(draft.tours[0]);
  EXPECT_NEAR(draft.tours[0].interest, 50.0 + 51.0 + 99.0, 1e-9);

  // null clears an override: the pipeline's name is back, the other overrides stay.
  AttractionPatch clear;
  clear.name = std::optional<std::string>();
  core::edit::apply_attraction_patch(draft, "s2", clear, kWalking);
  EXPECT_FALSE(sight(draft, "s2").editor.name.has_value());
  EXPECT_EQ(draft.tours[0].stops[2].name, "Sight 2");
  EXPECT_EQ(draft.tours[0].stops[2].visit_minutes, 45);
}

TEST(AttractionPatch, UnknownAttractionIsNotFound) {
  Revision draft = edit_draft(kWalking);
  const Revision before = draft;
  AttractionPatch patch;
  patch.included = false;
  EXPECT_THROW(core::edit::apply_attraction_patch(draft, "nope", patch, kWalking),
               core::NotFoundError);
  EXPECT_EQ(draft, before);
}

struct BadPatch {
  const char* label;
  std::function<void(AttractionPatch&)> set;
  std::string field;  ///< the message names it

  friend void PrintTo(const BadPatch& c, std::ostream* os) { *os << c.label; }
};

class RefusedPatch : public ::testing::TestWithParam<BadPatch> {};

TEST_P(RefusedPatch, NamesTheField) {
  Revision draft = edit_draft(kWalking);
  AttractionPatch patch;
  GetParam().set(patch);
  try {
    core::edit::apply_attraction_patch(draft, "s1", patch, kWalking);
    FAIL() << "accepted";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find(GetParam().field), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Values,
    RefusedPatch,
    ::testing::Values(
        BadPatch{"NegativeVisit",
                 [](auto& p) { p.visit_minutes = std::optional<int>(-1); },
                 "visit_minutes"},
        BadPatch{"VisitOverTenHours",
                 [](auto& p) { p.visit_minutes = std::optional<int>(601); },
                 "visit_minutes"},
        BadPatch{"NegativeScore",
                 [](auto& p) { p.interest_score = std::optional<double>(-0.5); },
                 "interest_score"},
        BadPatch{"ScoreOver100",
                 [](auto& p) { p.interest_score = std::optional<double>(100.5); },
                 "interest_score"},
        BadPatch{"NanScore",
                 [](auto& p) {
                   p.interest_score =
                       std::optional<double>(std::numeric_limits<double>::quiet_NaN());
                 },
                 "interest_score"},
        BadPatch{
            "NegativeTour", [](auto& p) { p.locked_tour = std::optional<int>(-1); }, "locked_tour"},
        BadPatch{"TourBeyondOptions",
                 [](auto& p) { p.locked_tour = std::optional<int>(2); },
                 "locked_tour"},
        BadPatch{"BlankName", [](auto& p) { p.name = std::optional<std::string>(" \t"); }, "name"},
        BadPatch{"LongName",
                 [](auto& p) { p.name = std::optional<std::string>(std::string(201, 'x')); },
                 "name"},
        BadPatch{
            "LongDescription",
            [](auto& p) { p.description = std::optional<std::string>(std::string(2001, 'x')); },
            "description"},
        BadPatch{"LockedWhileExcluded",
                 [](auto& p) {
                   p.included = false;
                   p.locked_tour = std::optional<int>(0);
                 },
                 "excluded"}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(AttractionPatch, LimitsThemselvesAreAccepted) {
  Revision draft = edit_draft(kWalking);
  AttractionPatch patch;
  patch.visit_minutes = std::optional<int>(600);
  patch.interest_score = std::optional<double>(100.0);
  patch.name = std::optional<std::string>(std::string(200, 'x'));
  patch.description = std::optional<std::string>(std::string());
  patch.locked_tour = std::optional<int>(1);
  EXPECT_NO_THROW(core::edit::apply_attraction_patch(draft, "s1", patch, kWalking));
}

TEST(TourEdits, ReplaceTheToursSetTheLocksAndEstimateTheLegs) {
  Revision draft = edit_draft(kWalking);
  draft.options.minutes_per_tour = 400;       // room for the far stops: no warning
  sight(draft, "s4").editor.locked_tour = 1;  // an old lock the new arrangement drops
  const std::vector<TourEdit> edits = {
      {{{"s2", false}, {"s0", true}}, false},
      {{{"s5", false}, {"s3", false}, {"s1", false}}, true},
  };
  const std::vector<std::string> warnings = core::edit::apply_tour_edits(draft, edits, kWalking);
  EXPECT_TRUE(warnings.empty());
  ASSERT_EQ(draft.tours.size(), 2U);
  EXPECT_EQ(stop_ids(draft.tours[0]), (std::vector<std::string>{"s2", "s0"}));
  EXPECT_EQ(stop_ids(draft.tours[1]), (std::vector<std::string>{"s5", "s3", "s1"}));
  EXPECT_TRUE(draft.tours[0].stops[1].locked);
  EXPECT_FALSE(draft.tours[0].stops[0].locked);
  EXPECT_FALSE(draft.tours[0].order_locked);
  EXPECT_TRUE(draft.tours[1].order_locked);
  EXPECT_EQ(sight(draft, "s0").editor.locked_tour, 0);
  EXPECT_FALSE(sight(draft, "s4").editor.locked_tour.has_value());
  // The title names the tour's most interesting stop.
  EXPECT_EQ(draft.tours[1].title, "Tour 2: Sight 5");
  for (const Tour& tour : draft.tours) {
    EXPECT_EQ(tour.start, draft.options.start);
    EXPECT_EQ(tour.end, draft.options.start);
    expect_legs_match_stops(tour);
  }
}

TEST(TourEdits, WarnAboutToursOverTheirBudgetButKeepThem) {
  Revision draft = edit_draft(kWalking);
  draft.options.minutes_per_tour = 45;
  const std::vector<TourEdit> edits = {{{{"s0", false}}, false},
                                       {{{"s5", false}, {"s4", false}}, false}};
  const std::vector<std::string> warnings = core::edit::apply_tour_edits(draft, edits, kWalking);
  ASSERT_EQ(draft.tours.size(), 2U);
  ASSERT_GT(draft.tours[1].total_minutes, 45.0);
  ASSERT_LE(draft.tours[0].total_minutes, 45.0);
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_NE(warnings[0].find(draft.tours[1].title), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("budget of 45 min"), std::string::npos) << warnings[0];
  EXPECT_EQ(stop_ids(draft.tours[1]), (std::vector<std::string>{"s5", "s4"}));
}

struct BadTours {
  const char* label;
  std::vector<TourEdit> tours;
  std::string message;  ///< part of the error

  friend void PrintTo(const BadTours& c, std::ostream* os) { *os << c.label; }
};

class RefusedTourEdits : public ::testing::TestWithParam<BadTours> {};

TEST_P(RefusedTourEdits, NameTheProblemAndLeaveTheDraftUnchanged) {
  Revision draft = edit_draft(kWalking);
  sight(draft, "s1").editor.locked_tour = 0;
  const Revision before = draft;
  try {
    core::edit::apply_tour_edits(draft, GetParam().tours, kWalking);
    FAIL() << "accepted";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find(GetParam().message), std::string::npos) << e.what();
  }
  EXPECT_EQ(draft, before);
}

INSTANTIATE_TEST_SUITE_P(
    Tours,
    RefusedTourEdits,
    ::testing::Values(
        BadTours{"NoTour", {}, "at least one tour"},
        BadTours{"EmptyTour", {{{{"s0", false}}, false}, {{}, false}}, "tours[1].stops is empty"},
        BadTours{"UnknownStop", {{{{"s0", false}, {"zz", false}}, false}}, "unknown attraction zz"},
        BadTours{"ExcludedStop", {{{{"s6", true}}, false}}, "\"Sight 6\" is excluded"},
        BadTours{"TwiceInATour", {{{{"s0", false}, {"s0", false}}, false}}, "s0 appears"},
        BadTours{"InTwoTours", {{{{"s3", false}}, false}, {{{"s3", true}}, false}}, "s3 appears"}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(EstimateLegs, TourWithoutEndsWalksOnlyBetweenStops) {
  Revision draft = edit_draft(kWalking);
  Tour tour = draft.tours[0];
  tour.start.reset();
  tour.end.reset();
  core::edit::estimate_legs(tour, kWalking);
  EXPECT_EQ(tour.legs.size(), 2U);
  expect_legs_match_stops(tour);
}

}  // namespace
