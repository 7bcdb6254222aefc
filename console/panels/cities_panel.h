#pragma once

#include <string>

#include "console/panels/panel.h"

namespace console::panels {

/// The cities on the server (search, status with the progress of generations, created / updated
/// dates; click to open) and the generate form with a progress bar per pipeline stage
/// of each job started here. Places whose first generation runs are listed but cannot be opened.
class CitiesPanel : public Panel {
 public:
  void draw_content(state::AppState& state, state::CommandSink& commands) override;

 private:
  void draw_list(state::AppState& state, state::CommandSink& commands);
  void draw_row(const state::AppState& state,
                const state::CitySummary& row,
                state::CommandSink& commands);
  void draw_generate(state::AppState& state, state::CommandSink& commands);
  void draw_job(const state::JobView& job);
};

}  // namespace console::panels
