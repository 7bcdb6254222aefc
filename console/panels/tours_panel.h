#pragma once

#include "console/panels/panel.h"

namespace console::panels {

/// The tours side by side: stops in order with locks, walking km and minutes against the budget.
/// Drag a stop to reorder it or to move it to another tour; Save sends the arrangement; Replan
/// asks the server to plan again around the locks; Publish opens the confirmation.
class ToursPanel : public Panel {
 public:
  void draw_content(state::AppState& state, state::CommandSink& commands) override;

 private:
  void draw_toolbar(state::AppState& state, state::CommandSink& commands);
  void draw_tour_header(state::AppState& state, int tour);
  void draw_stops(state::AppState& state, int tour);
};

}  // namespace console::panels
