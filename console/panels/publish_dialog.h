#pragma once

#include "console/panels/panel.h"

namespace console::panels {

/// The publish confirmation: what changes for the app (tours, stops added and removed, newly
/// included or excluded attractions, renames) from the server's dry run; Publish confirms.
class PublishDialog : public Panel {
 public:
  void draw_content(state::AppState& state, state::CommandSink& commands) override;
};

}  // namespace console::panels
