#pragma once

#include <utility>

#include "console/panels/panel.h"

namespace console::panels {

/// Server URL, API key (masked), tile URL and contact; Connect applies and saves them.
class ConnectionPanel : public Panel {
 public:
  void draw_content(state::AppState& state, state::CommandSink& commands) override;
  /// True once after Connect was pressed: the app saves the settings and restarts the tiles.
  bool take_apply() { return std::exchange(m_apply, false); }

 private:
  bool m_apply = false;
  bool m_show_key = false;
};

}  // namespace console::panels
