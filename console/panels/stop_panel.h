#pragma once

#include "console/state/app_state.h"

namespace console::panels {

/// The selected attraction's details beside the table: name and description (editable, into the
/// draft), included, visit minutes and score, its tour and stop number, source and Wikidata and
/// Wikipedia references, and the filter's reason. Read-only for an app key. Draws inside the
/// caller's window (a child region).
void draw_stop_details(state::AppState& state);

}  // namespace console::panels
