#pragma once

#include "console/state/app_state.h"

namespace console::state {

/// What a key press asks for.
enum class Shortcut { None, Undo, Redo, Save, Fit, NextTour, PreviousTour, Find };

/// A key press: the key as its upper-case letter or punctuation ('Z', 'S', ']'), the modifiers,
/// and whether a text field has the keyboard (plain keys then type, they are not shortcuts).
struct KeyPress {
  char key = 0;
  bool ctrl = false;
  bool shift = false;
  bool typing = false;
};

/// Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo (not while typing: the text field undoes its own
/// typing), Ctrl+S save, Ctrl+F find; when not typing, F fit, ] next tour, [ previous tour.
Shortcut shortcut_for(const KeyPress& press);

/// Does what `shortcut` asks: undo or redo a draft edit, save the edited attractions (or else the
/// tours' arrangement) when the key may edit and the edits are valid, fit the map, highlight and
/// zoom to the next or previous tour (cycling through "all tours"), or ask the map to focus its
/// find box (state.focus_find). Returns false when it did nothing.
bool run_shortcut(AppState& state, CommandSink& commands, Shortcut shortcut);

/// A one-line list of the shortcuts, for tooltips and the README.
inline constexpr const char* kShortcutHelp = "Ctrl+Z undo, Ctrl+Shift+Z redo, Ctrl+S save, Ctrl+F "
                                             "find a stop, F fit, ] next tour, [ previous tour";

}  // namespace console::state
