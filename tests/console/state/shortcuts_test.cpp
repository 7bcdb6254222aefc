#include "console/state/shortcuts.h"

#include <gtest/gtest.h>

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

TEST(Shortcuts, KeysMapToActionsAndPlainKeysTypeInTextFields) {
  EXPECT_EQ(shortcut_for({'Z', true, false, false}), Shortcut::Undo);
  EXPECT_EQ(shortcut_for({'Z', true, true, false}), Shortcut::Redo);
  EXPECT_EQ(shortcut_for({'Z', true, false, true}), Shortcut::None);  // the text field's own undo
  EXPECT_EQ(shortcut_for({'Y', true, false, false}), Shortcut::Redo);
  EXPECT_EQ(shortcut_for({'S', true, false, true}), Shortcut::Save);
  EXPECT_EQ(shortcut_for({'F', true, false, false}), Shortcut::Find);
  EXPECT_EQ(shortcut_for({'F', false, false, false}), Shortcut::Fit);
  EXPECT_EQ(shortcut_for({'F', false, false, true}), Shortcut::None);  // typing an "f"
  EXPECT_EQ(shortcut_for({']', false, false, false}), Shortcut::NextTour);
  EXPECT_EQ(shortcut_for({'[', false, false, false}), Shortcut::PreviousTour);
  EXPECT_EQ(shortcut_for({'Q', true, false, false}), Shortcut::None);
}

TEST(Shortcuts, SaveSendsTheEditsOnlyForAnEditorAndValidEdits) {
  AppState state = loaded();
  CommandSink sink;
  EXPECT_FALSE(run_shortcut(state, sink, Shortcut::Save));  // nothing edited
  state.attractions.set_score("a", 55);
  ASSERT_TRUE(run_shortcut(state, sink, Shortcut::Save));
  const auto commands = sink.take();
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(std::get<SaveAttractionsCommand>(commands[0]).patches.size(), 1u);
  state.editor = false;
  EXPECT_FALSE(run_shortcut(state, sink, Shortcut::Save));
  EXPECT_TRUE(sink.empty());
}

TEST(Shortcuts, NextAndPreviousTourCycleThroughTheToursAndAll) {
  AppState state = loaded();
  CommandSink sink;
  const int count = static_cast<int>(state.tours.preview().tours.size());
  ASSERT_GE(count, 2);
  state.map.fitted = true;
  run_shortcut(state, sink, Shortcut::NextTour);
  EXPECT_EQ(state.selected_tour, 0);
  EXPECT_FALSE(state.map.fitted);  // it zooms to the tour
  for (int i = 1; i < count; ++i) run_shortcut(state, sink, Shortcut::NextTour);
  EXPECT_EQ(state.selected_tour, count - 1);
  run_shortcut(state, sink, Shortcut::NextTour);
  EXPECT_EQ(state.selected_tour, -1);  // all tours again
  run_shortcut(state, sink, Shortcut::PreviousTour);
  EXPECT_EQ(state.selected_tour, count - 1);
}

TEST(Shortcuts, UndoRedoFitAndFind) {
  AppState state = loaded();
  CommandSink sink;
  EXPECT_FALSE(run_shortcut(state, sink, Shortcut::Undo));
  before_edit(state, "score:a");
  state.attractions.set_score("a", 12);
  EXPECT_TRUE(run_shortcut(state, sink, Shortcut::Undo));
  EXPECT_EQ(state.attractions.dirty_count(), 0);
  EXPECT_TRUE(run_shortcut(state, sink, Shortcut::Redo));
  EXPECT_EQ(state.attractions.dirty_count(), 1);
  state.map.fitted = true;
  run_shortcut(state, sink, Shortcut::Fit);
  EXPECT_FALSE(state.map.fitted);
  run_shortcut(state, sink, Shortcut::Find);
  EXPECT_TRUE(state.focus_find);
}

}  // namespace
