#pragma once

#include <imgui.h>

#include "console/draw/palette.h"

namespace console::panels {

/// Colours of status text.
inline const ImVec4 kErrorText{0.90f, 0.25f, 0.25f, 1.0f};
inline const ImVec4 kWarningText{0.95f, 0.70f, 0.20f, 1.0f};
inline const ImVec4 kGoodText{0.35f, 0.80f, 0.40f, 1.0f};
inline const ImVec4 kMutedText{0.60f, 0.60f, 0.60f, 1.0f};
/// Frame colour of an edited (dirty) cell.
inline const ImVec4 kDirtyFrame{0.55f, 0.45f, 0.10f, 0.65f};

/// A small filled square of `colour` (a tour swatch) inline with the text; returns its rectangle.
inline void
swatch(draw::Rgba colour, float size, ImVec2* min_out = nullptr, ImVec2* max_out = nullptr) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max{min.x + size, min.y + size};
  ImGui::GetWindowDrawList()->AddRectFilled(
      min, max, IM_COL32(colour.r, colour.g, colour.b, colour.a), 2.0f);
  ImGui::Dummy({size, size});
  if (min_out) *min_out = min;
  if (max_out) *max_out = max;
}

}  // namespace console::panels
