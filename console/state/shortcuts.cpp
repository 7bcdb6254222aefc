#include "console/state/shortcuts.h"

#include "console/state/city_status.h"

namespace console::state {
namespace {

bool save(AppState& state, CommandSink& commands) {
  if (!can_edit(state)) return false;
  const std::string& city_id = state.city->city.id;
  if (state.attractions.dirty_count() > 0) {
    if (state.attractions.error_count() > 0) return false;
    commands.push(SaveAttractionsCommand{city_id, state.attractions.patches()});
    return true;
  }
  if (state.tours.dirty() && state.tours.preview().error.empty()) {
    commands.push(SaveToursCommand{city_id, state.tours.edits()});
    return true;
  }
  return false;
}

// Tours in order, then "all tours" (-1), then round again.
bool step_tour(AppState& state, int step) {
  const int count = static_cast<int>(state.tours.preview().tours.size());
  if (!state.city || count == 0) return false;
  const int slot = state.selected_tour < 0 ? count : state.selected_tour;  // slot `count` is "all"
  const int next = ((slot + step) % (count + 1) + count + 1) % (count + 1);
  focus_tour(state,
             next == count ? -1
                           : state.tours.preview().tours[static_cast<std::size_t>(next)].index);
  return true;
}

}  // namespace

Shortcut shortcut_for(const KeyPress& press) {
  if (press.ctrl) {
    switch (press.key) {
    // In a text field, Ctrl+Z undoes the typing there (Dear ImGui's own undo), not a draft step.
    case 'Z': return press.typing ? Shortcut::None : press.shift ? Shortcut::Redo : Shortcut::Undo;
    case 'Y': return press.typing ? Shortcut::None : Shortcut::Redo;
    case 'S': return Shortcut::Save;
    case 'F': return Shortcut::Find;
    default: return Shortcut::None;
    }
  }
  if (press.typing || press.shift) return Shortcut::None;
  switch (press.key) {
  case 'F': return Shortcut::Fit;
  case ']': return Shortcut::NextTour;
  case '[': return Shortcut::PreviousTour;
  default: return Shortcut::None;
  }
}

bool run_shortcut(AppState& state, CommandSink& commands, Shortcut shortcut) {
  switch (shortcut) {
  case Shortcut::Undo: return undo_edit(state);
  case Shortcut::Redo: return redo_edit(state);
  case Shortcut::Save: return save(state, commands);
  case Shortcut::Fit: state.map.fitted = false; return true;
  case Shortcut::NextTour: return step_tour(state, 1);
  case Shortcut::PreviousTour: return step_tour(state, -1);
  case Shortcut::Find: state.focus_find = true; return true;
  case Shortcut::None: return false;
  }
  return false;
}

}  // namespace console::state
