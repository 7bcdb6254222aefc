#pragma once

#include "console/state/app_state.h"
#include "console/state/commands.h"

namespace console::panels {

/// A part of the window. Panels draw from the state and emit commands; they never block or do
/// I/O. The frame layout decides where each panel goes (a fixed window or a tab).
class Panel {
 public:
  virtual ~Panel() = default;
  /// Draws the panel's widgets inside the window or tab the caller opened.
  virtual void draw_content(state::AppState& state, state::CommandSink& commands) = 0;
};

}  // namespace console::panels
