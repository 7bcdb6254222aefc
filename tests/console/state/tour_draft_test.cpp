#include "console/state/tour_draft.h"

#include <gtest/gtest.h>

#include "tests/console/fixtures.h"

namespace {

using console::state::TourDraft;

std::vector<std::string> ids(const TourDraft& draft, int tour) {
  std::vector<std::string> out;
  for (const auto& stop : draft.tours()[static_cast<std::size_t>(tour)].stops)
    out.push_back(stop.attraction_id);
  return out;
}

TourDraft loaded() {
  TourDraft draft;
  draft.reset(console::testing::sample_revision());
  return draft;
}

TEST(TourDraft, LoadsTheToursClean) {
  const TourDraft draft = loaded();
  EXPECT_EQ(ids(draft, 0), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(ids(draft, 1), (std::vector<std::string>{"d", "e"}));
  EXPECT_FALSE(draft.dirty());
  EXPECT_EQ(draft.preview().tours, console::testing::sample_revision().tours);
}

TEST(TourDraft, MoveWithinATourLandsBeforeTheTarget) {
  TourDraft draft = loaded();
  ASSERT_TRUE(draft.move(0, 0, 0, 2));  // a dropped on c: before c
  EXPECT_EQ(ids(draft, 0), (std::vector<std::string>{"b", "a", "c"}));
  ASSERT_TRUE(draft.move(0, 2, 0, 0));  // c dropped on b
  EXPECT_EQ(ids(draft, 0), (std::vector<std::string>{"c", "b", "a"}));
  ASSERT_TRUE(draft.move(0, 0, 0, 3));  // c to the end
  EXPECT_EQ(ids(draft, 0), (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_TRUE(draft.dirty());
}

TEST(TourDraft, MoveToAnotherTour) {
  TourDraft draft = loaded();
  ASSERT_TRUE(draft.move(0, 1, 1, 1));
  EXPECT_EQ(ids(draft, 0), (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(ids(draft, 1), (std::vector<std::string>{"d", "b", "e"}));
}

TEST(TourDraft, RefusesMovesOutOfRange) {
  TourDraft draft = loaded();
  EXPECT_FALSE(draft.move(0, 3, 1, 0));
  EXPECT_FALSE(draft.move(2, 0, 0, 0));
  EXPECT_FALSE(draft.move(0, 0, 1, 3));
  EXPECT_FALSE(draft.dirty());
}

TEST(TourDraft, MovingBackMakesItCleanAgain) {
  TourDraft draft = loaded();
  draft.move(0, 0, 1, 0);
  draft.move(1, 0, 0, 0);
  EXPECT_FALSE(draft.dirty());
}

TEST(TourDraft, EditsCarryLocksAndFrozenOrder) {
  TourDraft draft = loaded();
  draft.set_locked(1, 1, true);
  draft.set_order_locked(0, true);
  const auto edits = draft.edits();
  ASSERT_EQ(edits.size(), 2u);
  EXPECT_TRUE(edits[0].order_locked);
  EXPECT_FALSE(edits[1].order_locked);
  EXPECT_EQ(edits[1].stops[1].attraction_id, "e");
  EXPECT_TRUE(edits[1].stops[1].locked);
  EXPECT_FALSE(edits[1].stops[0].locked);
}

TEST(TourDraft, PreviewRecomputesTheTotalsOfTheNewArrangement) {
  TourDraft draft = loaded();
  const double before = draft.preview().tours[1].walk_distance_m;
  draft.move(0, 2, 1, 2);  // c joins tour 2 at its end
  const auto& preview = draft.preview();
  EXPECT_TRUE(preview.error.empty());
  ASSERT_EQ(preview.tours[1].stops.size(), 3u);
  EXPECT_GT(preview.tours[1].walk_distance_m, before);
  EXPECT_EQ(preview.tours[1].visit_minutes, 60);
}

TEST(TourDraft, PreviewWarnsAboutATourOverItsBudget) {
  auto revision = console::testing::sample_revision();
  for (auto& a : revision.attractions) a.visit_minutes = 90;
  TourDraft draft;
  draft.reset(revision);
  draft.move(1, 0, 0, 0);  // four 90-minute visits in one 180-minute tour
  ASSERT_EQ(draft.preview().warnings.size(), 1u);
  EXPECT_NE(draft.preview().warnings[0].find("over its budget of 180 min"), std::string::npos);
  draft.revert();
  EXPECT_TRUE(draft.preview().warnings.empty());
}

}  // namespace
