#include "console/app/frame_layout.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

namespace console::app {

FrameLayout frame_layout(float width, float height) {
  constexpr float kStatusHeight = 26.0f;
  const float sidebar = std::clamp(width * 0.22f, 300.0f, 420.0f);
  const float body = height - kStatusHeight;
  const float map = std::floor(body * 0.58f);
  FrameLayout layout;
  layout.sidebar = {0.0f, 0.0f, sidebar, body};
  layout.map = {sidebar, 0.0f, width - sidebar, map};
  layout.bottom = {sidebar, map, width - sidebar, body - map};
  layout.status = {0.0f, body, width, kStatusHeight};
  return layout;
}

void begin_fixed_window(const char* title, const Rect& rect, int extra_flags) {
  ImGui::SetNextWindowPos({rect.x, rect.y});
  ImGui::SetNextWindowSize({rect.width, rect.height});
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings | extra_flags;
  ImGui::Begin(title, nullptr, flags);
}

}  // namespace console::app
