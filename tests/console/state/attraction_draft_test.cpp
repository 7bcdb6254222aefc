#include "console/state/attraction_draft.h"

#include <gtest/gtest.h>

#include "tests/console/fixtures.h"

namespace {

using console::state::AttractionDraft;
using console::state::AttractionField;

std::size_t slot(AttractionField field) {
  return static_cast<std::size_t>(field);
}

AttractionDraft loaded() {
  AttractionDraft draft;
  draft.reset(console::testing::sample_revision());
  return draft;
}

TEST(AttractionDraft, RowsShowEffectiveValuesAndTheirTour) {
  auto revision = console::testing::sample_revision();
  revision.attractions[1].editor.name = "Bolsa Palace";
  AttractionDraft draft;
  draft.reset(revision);
  ASSERT_EQ(draft.rows().size(), 6u);
  EXPECT_EQ(draft.find("b")->name, "Bolsa Palace");
  EXPECT_EQ(draft.find("b")->tour, 0);
  EXPECT_EQ(draft.find("b")->stop_number, 2);
  EXPECT_EQ(draft.find("e")->tour, 1);
  EXPECT_EQ(draft.find("x")->tour, -1);
  EXPECT_FALSE(draft.find("x")->included);
  EXPECT_EQ(draft.dirty_count(), 0);
}

TEST(AttractionDraft, AnEditMarksOnlyItsField) {
  AttractionDraft draft = loaded();
  draft.set_visit_minutes("a", 35);
  const auto* row = draft.find("a");
  EXPECT_TRUE(row->dirty[slot(AttractionField::VisitMinutes)]);
  EXPECT_FALSE(row->dirty[slot(AttractionField::Name)]);
  EXPECT_EQ(draft.dirty_count(), 1);
  draft.set_visit_minutes("a", 20);  // back to the loaded value
  EXPECT_FALSE(draft.find("a")->any_dirty());
}

TEST(AttractionDraft, ValidatesWithTheServerRules) {
  AttractionDraft draft = loaded();
  draft.set_visit_minutes("a", 900);
  draft.set_score("b", 140.0);
  draft.set_name("c", "   ");
  EXPECT_EQ(draft.find("a")->errors[slot(AttractionField::VisitMinutes)],
            "visit_minutes must be between 0 and 600");
  EXPECT_EQ(draft.find("b")->errors[slot(AttractionField::Score)],
            "interest_score must be between 0 and 100");
  EXPECT_EQ(draft.find("c")->errors[slot(AttractionField::Name)], "name must not be empty");
  EXPECT_EQ(draft.error_count(), 3);
  EXPECT_TRUE(draft.patches().empty());  // invalid rows are never sent
  draft.set_visit_minutes("a", 60);
  EXPECT_TRUE(draft.find("a")->errors[slot(AttractionField::VisitMinutes)].empty());
}

TEST(AttractionDraft, PatchesHoldOnlyTheEditedFields) {
  AttractionDraft draft = loaded();
  draft.set_name("a", "Palácio da Bolsa");
  draft.set_included("x", true);
  const auto patches = draft.patches();
  ASSERT_EQ(patches.size(), 2u);
  EXPECT_EQ(patches[0].first, "a");
  ASSERT_TRUE(patches[0].second.name.has_value());
  EXPECT_EQ(**patches[0].second.name, "Palácio da Bolsa");
  EXPECT_FALSE(patches[0].second.visit_minutes.has_value());
  EXPECT_FALSE(patches[0].second.included.has_value());
  EXPECT_EQ(patches[1].first, "x");
  EXPECT_EQ(**patches[1].second.included, true);
}

TEST(AttractionDraft, ExcludingALockedStopAlsoClearsItsLock) {
  auto revision = console::testing::sample_revision();
  revision.attractions[0].editor.locked_tour = 0;
  AttractionDraft draft;
  draft.reset(revision);
  draft.set_included("a", false);
  EXPECT_TRUE(draft.find("a")->errors[slot(AttractionField::Included)].empty());
  const auto patches = draft.patches();
  ASSERT_EQ(patches.size(), 1u);
  ASSERT_TRUE(patches[0].second.locked_tour.has_value());
  EXPECT_FALSE(patches[0].second.locked_tour->has_value());  // null: clear
}

TEST(AttractionDraft, RevertAndResetDropTheEdits) {
  AttractionDraft draft = loaded();
  draft.set_score("a", 10.0);
  draft.set_description("b", "A bank's palace");
  draft.revert("a");
  EXPECT_FALSE(draft.find("a")->any_dirty());
  EXPECT_DOUBLE_EQ(draft.find("a")->score, 90.0);
  EXPECT_EQ(draft.dirty_count(), 1);
  draft.reset(console::testing::sample_revision());
  EXPECT_EQ(draft.dirty_count(), 0);
}

TEST(VisibleRows, FilterByTextAndInclusion) {
  AttractionDraft draft = loaded();
  console::state::RowQuery query;
  query.text = "SHOP";  // the excluded one's reason, any case
  auto rows = console::state::visible_rows(draft.rows(), query);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(draft.rows()[rows[0]].id, "x");
  query = {};
  query.filter = console::state::RowFilter::Included;
  EXPECT_EQ(console::state::visible_rows(draft.rows(), query).size(), 5u);
  query.filter = console::state::RowFilter::Edited;
  EXPECT_TRUE(console::state::visible_rows(draft.rows(), query).empty());
  draft.set_score("d", 61.0);
  EXPECT_EQ(console::state::visible_rows(draft.rows(), query).size(), 1u);
}

TEST(VisibleRows, SortByScoreOrTour) {
  AttractionDraft draft = loaded();
  console::state::RowQuery query;
  query.sort = console::state::RowSort::Score;
  query.ascending = true;
  auto rows = console::state::visible_rows(draft.rows(), query);
  EXPECT_EQ(draft.rows()[rows.front()].id, "x");
  EXPECT_EQ(draft.rows()[rows.back()].id, "a");
  query.sort = console::state::RowSort::Tour;
  rows = console::state::visible_rows(draft.rows(), query);
  std::vector<std::string> ids;
  for (const std::size_t i : rows) ids.push_back(draft.rows()[i].id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c", "d", "e", "x"}));
}

}  // namespace
