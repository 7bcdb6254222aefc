#pragma once

#include <string>
#include <vector>

#include "console/draw/map_transform.h"
#include "console/panels/panel.h"
#include "console/state/attraction_draft.h"

namespace console::panels {

/// A tour swatch the table drew, for the headless sidecar and tests.
struct SwatchRecord {
  std::string attraction_id;
  int tour = -1;
  draw::Vec2 min;
  draw::Vec2 max;
};

/// The attractions table: sortable, filterable; include/exclude, name, description, visit
/// minutes and score edit a draft copy with dirty marks and validation messages in the cell;
/// Save sends one PATCH per edited attraction. Clicking a row selects it on the map.
class AttractionsPanel : public Panel {
 public:
  void draw_content(state::AppState& state, state::CommandSink& commands) override;
  /// The tour swatches visible in the last frame.
  const std::vector<SwatchRecord>& swatches() const { return m_swatches; }

 private:
  void draw_toolbar(state::AppState& state, state::CommandSink& commands);
  void draw_table(state::AppState& state);
  void draw_row(state::AppState& state, const state::DraftRow& row);
  void read_sort(state::RowQuery& query);

  state::RowQuery m_query;
  std::vector<SwatchRecord> m_swatches;
};

}  // namespace console::panels
