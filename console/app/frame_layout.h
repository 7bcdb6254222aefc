#pragma once

namespace console::app {

/// A screen rectangle in pixels.
struct Rect {
  float x = 0.0f;
  float y = 0.0f;
  float width = 0.0f;
  float height = 0.0f;
};

/// Where the fixed windows go: the sidebar (connection, cities) on the left, the map above the
/// bottom tabs (attractions, tours, replay) on the right, the status bar along the bottom.
struct FrameLayout {
  Rect sidebar;
  Rect map;
  Rect bottom;
  Rect status;
};

/// The layout of a `width` x `height` window.
FrameLayout frame_layout(float width, float height);

/// Begins a fixed (not movable or resizable) ImGui window covering `rect`; pair with ImGui::End().
void begin_fixed_window(const char* title, const Rect& rect, int extra_flags = 0);

}  // namespace console::app
