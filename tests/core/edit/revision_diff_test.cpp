// What changes for the app between two revisions (shared/edit/revision_diff.h): each case edits a
// copy of the edit draft and lists the changes compare_revisions must report.
#include "shared/edit/revision_diff.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "tests/core/edit/edit_fixture.h"

namespace {

using core::edit::RevisionChanges;
using core::edit::TourChange;
using core::model::Revision;
using narrando::testing::edit_draft;
using narrando::testing::edit_sight;
using narrando::testing::stop_of;
using Names = std::vector<std::string>;

const core::algo::WalkingModel kWalking{};

core::model::Attraction& sight(Revision& revision, const std::string& id) {
  return *std::find_if(revision.attractions.begin(),
                       revision.attractions.end(),
                       [&](const auto& a) { return a.id == id; });
}

void erase_stop(core::model::Tour& tour, const std::string& id) {
  std::erase_if(tour.stops, [&](const auto& stop) { return stop.attraction_id == id; });
  core::edit::estimate_legs(tour, kWalking);
}

void add_stop(Revision& revision, std::size_t tour, const std::string& id) {
  revision.tours[tour].stops.push_back(stop_of(sight(revision, id)));
  core::edit::estimate_legs(revision.tours[tour], kWalking);
}

struct ExpectedTour {
  int index;
  Names added;
  Names removed;
  bool reordered;
};

struct DiffCase {
  const char* label;
  std::function<void(Revision&)> edit;
  int tours_after;
  std::vector<ExpectedTour> tours;
  Names included;
  Names excluded;
  Names renamed;

  friend void PrintTo(const DiffCase& c, std::ostream* os) { *os << c.label; }
};

class CompareRevisions : public ::testing::TestWithParam<DiffCase> {};

// Title and minutes follow from the revisions: the newer tour's, or the older one's if it is gone.
TourChange expected_change(const ExpectedTour& e, const Revision& before, const Revision& after) {
  const auto tour_at = [&](const Revision& r) {
    const auto i = static_cast<std::size_t>(e.index);
    return i < r.tours.size() ? &r.tours[i] : nullptr;
  };
  const core::model::Tour* old_tour = tour_at(before);
  const core::model::Tour* new_tour = tour_at(after);
  TourChange change;
  change.index = e.index;
  change.title = new_tour ? new_tour->title : old_tour->title;
  change.added = e.added;
  change.removed = e.removed;
  change.reordered = e.reordered;
  change.minutes_before = old_tour ? old_tour->total_minutes : 0.0;
  change.minutes_after = new_tour ? new_tour->total_minutes : 0.0;
  return change;
}

TEST_P(CompareRevisions, ReportsWhatChanged) {
  const Revision before = edit_draft(kWalking);
  Revision after = before;
  GetParam().edit(after);
  RevisionChanges expected;
  expected.tours_before = 2;
  expected.tours_after = GetParam().tours_after;
  for (const ExpectedTour& e : GetParam().tours) {
    expected.tours.push_back(expected_change(e, before, after));
  }
  expected.newly_included = GetParam().included;
  expected.newly_excluded = GetParam().excluded;
  expected.renamed = GetParam().renamed;

  const RevisionChanges changes = core::edit::compare_revisions(before, after);
  EXPECT_EQ(changes, expected);
  EXPECT_EQ(changes.any(), std::string(GetParam().label) != "Nothing");
}

INSTANTIATE_TEST_SUITE_P(
    Edits,
    CompareRevisions,
    ::testing::Values(DiffCase{"Nothing", [](Revision&) {}, 2, {}, {}, {}, {}},
                      DiffCase{"StopAdded",
                               [](Revision& r) { add_stop(r, 0, "s5"); },
                               2,
                               {{0, {"Sight 5"}, {}, false}},
                               {},
                               {},
                               {}},
                      DiffCase{"StopRemoved",
                               [](Revision& r) { erase_stop(r.tours[0], "s1"); },
                               2,
                               {{0, {}, {"Sight 1"}, false}},
                               {},
                               {},
                               {}},
                      DiffCase{"StopMovedToAnotherTour",
                               [](Revision& r) {
                                 erase_stop(r.tours[0], "s2");
                                 add_stop(r, 1, "s2");
                               },
                               2,
                               {{0, {}, {"Sight 2"}, false}, {1, {"Sight 2"}, {}, false}},
                               {},
                               {},
                               {}},
                      DiffCase{
                          "Reordered",
                          [](Revision& r) { std::swap(r.tours[0].stops[0], r.tours[0].stops[2]); },
                          2,
                          {{0, {}, {}, true}},
                          {},
                          {},
                          {}},
                      DiffCase{"ReorderedAndAddedIsNotAReorder",
                               [](Revision& r) {
                                 std::swap(r.tours[1].stops[0], r.tours[1].stops[1]);
                                 add_stop(r, 1, "s5");
                               },
                               2,
                               {{1, {"Sight 5"}, {}, false}},
                               {},
                               {},
                               {}},
                      DiffCase{"Renamed",
                               [](Revision& r) { sight(r, "s3").editor.name = "Harbour"; },
                               2,
                               {},
                               {},
                               {},
                               {"Sight 3 -> Harbour"}},
                      DiffCase{"AddedStopGoesByItsNewName",
                               [](Revision& r) {
                                 sight(r, "s5").editor.name = "Tower";
                                 add_stop(r, 0, "s5");
                               },
                               2,
                               {{0, {"Tower"}, {}, false}},
                               {},
                               {},
                               {"Sight 5 -> Tower"}},
                      DiffCase{"RemovedStopGoesByItsOldName",
                               [](Revision& r) {
                                 sight(r, "s1").editor.name = "Chapel";
                                 erase_stop(r.tours[0], "s1");
                               },
                               2,
                               {{0, {}, {"Sight 1"}, false}},
                               {},
                               {},
                               {"Sight 1 -> Chapel"}},
                      DiffCase{"StopOfNoAttractionGoesByItsId",
                               [](Revision& r) {
                                 core::model::Attraction ghost = edit_sight(8);
                                 ghost.id = "ghost";
                                 r.tours[0].stops.push_back(stop_of(ghost));
                               },
                               2,
                               {{0, {"ghost"}, {}, false}},
                               {},
                               {},
                               {}},
                      DiffCase{"Included",
                               [](Revision& r) { sight(r, "s6").editor.included = true; },
                               2,
                               {},
                               {"Sight 6"},
                               {},
                               {}},
                      DiffCase{"Excluded",
                               [](Revision& r) { sight(r, "s5").editor.included = false; },
                               2,
                               {},
                               {},
                               {"Sight 5"},
                               {}},
                      DiffCase{"NewAttraction",
                               [](Revision& r) { r.attractions.push_back(edit_sight(7)); },
                               2,
                               {},
                               {"Sight 7"},
                               {},
                               {}},
                      DiffCase{"TourDropped",
                               [](Revision& r) { r.tours.pop_back(); },
                               1,
                               {{1, {}, {"Sight 3", "Sight 4"}, false}},
                               {},
                               {},
                               {}},
                      DiffCase{"TourAdded",
                               [](Revision& r) {
                                 r.tours.push_back(r.tours[0]);
                                 r.tours[2].index = 2;
                                 r.tours[2].title = "Tour 3";
                                 r.tours[2].stops.clear();
                                 add_stop(r, 2, "s5");
                               },
                               3,
                               {{2, {"Sight 5"}, {}, false}},
                               {},
                               {},
                               {}},
                      // Only the count differs: no tour lists a change, yet the revisions differ.
                      DiffCase{"EmptyTourAdded",
                               [](Revision& r) { r.tours.emplace_back().index = 2; },
                               3,
                               {},
                               {},
                               {},
                               {}}),
    [](const auto& c) { return std::string(c.param.label); });

TEST(CompareRevisions, MinutesComeFromBothRevisions) {
  const Revision before = edit_draft(kWalking);
  Revision after = before;
  erase_stop(after.tours[0], "s2");
  const RevisionChanges changes = core::edit::compare_revisions(before, after);
  ASSERT_EQ(changes.tours.size(), 1U);
  EXPECT_EQ(changes.tours[0].minutes_before, before.tours[0].total_minutes);
  EXPECT_EQ(changes.tours[0].minutes_after, after.tours[0].total_minutes);
  EXPECT_LT(changes.tours[0].minutes_after, changes.tours[0].minutes_before);
}

}  // namespace
