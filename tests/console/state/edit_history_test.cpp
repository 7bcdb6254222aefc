#include "console/state/edit_history.h"

#include <gtest/gtest.h>

#include "console/state/app_state.h"
#include "tests/console/fixtures.h"

namespace {

using namespace console::state;

AppState loaded() {
  AppState state;
  CommandSink sink;
  CityReply reply;
  reply.city.id = "city-1";
  reply.revision = console::testing::sample_revision();
  apply_reply(state, std::move(reply), sink);
  return state;
}

TEST(EditHistory, UndoAndRedoAttractionAndTourEdits) {
  AppState state = loaded();
  const std::string original = state.attractions.find("a")->name;
  before_edit(state, "name:a");
  state.attractions.set_name("a", "Renamed");
  before_edit(state, "move");
  ASSERT_TRUE(state.tours.move(0, 0, 0, 2));
  EXPECT_TRUE(state.tours.dirty());
  ASSERT_TRUE(undo_edit(state));
  EXPECT_FALSE(state.tours.dirty());
  EXPECT_EQ(state.attractions.find("a")->name, "Renamed");
  ASSERT_TRUE(undo_edit(state));
  EXPECT_EQ(state.attractions.find("a")->name, original);
  EXPECT_FALSE(state.attractions.find("a")->any_dirty());
  EXPECT_FALSE(undo_edit(state));
  ASSERT_TRUE(redo_edit(state));
  EXPECT_EQ(state.attractions.find("a")->name, "Renamed");
  ASSERT_TRUE(redo_edit(state));
  EXPECT_TRUE(state.tours.dirty());
  EXPECT_FALSE(redo_edit(state));
}

TEST(EditHistory, TypingInOneCellIsOneStepAndANewEditForgetsTheRedo) {
  AppState state = loaded();
  for (const char* text : {"R", "Ro", "Rom"}) {
    before_edit(state, "name:a");
    state.attractions.set_name("a", text);
  }
  EXPECT_EQ(state.history.undo_steps(), 1u);
  before_edit(state, "minutes:a");
  state.attractions.set_visit_minutes("a", 45);
  EXPECT_EQ(state.history.undo_steps(), 2u);
  undo_edit(state);
  EXPECT_TRUE(state.history.can_redo());
  before_edit(state, "score:b");
  state.attractions.set_score("b", 10);
  EXPECT_FALSE(state.history.can_redo());
}

TEST(EditHistory, AReplyFromTheServerClearsIt) {
  AppState state = loaded();
  before_edit(state, "name:a");
  state.attractions.set_name("a", "Renamed");
  CommandSink sink;
  CityReply reply;
  reply.city.id = "city-1";
  reply.revision = console::testing::sample_revision();
  apply_reply(state, std::move(reply), sink);
  EXPECT_FALSE(state.history.can_undo());
}

TEST(FindStop, MatchesNamesWithoutCaseOrAccentsPreferringIncludedAndPrefixes) {
  AppState state = loaded();
  const auto& attractions = state.city->revision.attractions;
  ASSERT_FALSE(attractions.empty());
  const std::string name = core::model::effective_name(attractions[0]);
  EXPECT_EQ(find_stop(state, name.substr(0, 3)), find_stop(state, name));
  EXPECT_EQ(find_stop(state, "no such place at all"), "");
  EXPECT_EQ(find_stop(state, ""), "");
  const std::string id = find_stop(state, name);
  ASSERT_FALSE(id.empty());
  show_attraction(state, id, 16.0);
  EXPECT_EQ(state.selected_id, id);
  EXPECT_GE(state.map.zoom, 16.0);
  const auto world = core::algo::to_world(find_attraction(state, id)->location);
  EXPECT_DOUBLE_EQ(state.map.centre.x, world.x);
}

}  // namespace
