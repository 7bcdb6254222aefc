#pragma once

#include <string>

#include "console/panels/panel.h"

namespace console::panels {

/// QA replay of a city's generation: pick a run, play/pause/step or scrub the timeline (the map
/// animates each stage), read per-stage timings, calls and cost, and compare with another run.
class ReplayPanel : public Panel {
 public:
  void draw_content(state::AppState& state, state::CommandSink& commands) override;

 private:
  void draw_run_pickers(state::AppState& state, state::CommandSink& commands);
  void draw_timeline(state::AppState& state);
  void draw_stages(const core::model::RunTrace& run);
  void draw_comparison(const state::AppState& state);

  std::string m_city_id;  ///< the city whose runs the picks refer to
  std::string m_primary;  ///< job id of the run to replay; empty: the newest
  std::string m_compare;  ///< job id of the run to compare with; empty: none
};

}  // namespace console::panels
