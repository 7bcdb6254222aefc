#pragma once

#include <string>

#include "console/panels/panel.h"

namespace console::panels {

/// The bottom line: connection, requests in flight, tiles, the open city, the last error (with
/// the log in a tooltip).
class StatusBar : public Panel {
 public:
  void draw_content(state::AppState& state, state::CommandSink& commands) override;
  /// Set by the app each frame: requests queued or running, and the tiles' state.
  void set_activity(int pending_requests, std::string tiles) {
    m_pending = pending_requests;
    m_tiles = std::move(tiles);
  }

 private:
  int m_pending = 0;
  std::string m_tiles;
};

}  // namespace console::panels
