#include "console/panels/status_bar.h"

#include <imgui.h>

#include "console/panels/widgets.h"
#include "console/state/shortcuts.h"

namespace console::panels {

void StatusBar::draw_content(state::AppState& state, state::CommandSink&) {
  const bool dark = state.settings.theme == state::Theme::Dark;
  if (ImGui::SmallButton(dark ? "Light" : "Dark"))
    state.settings.theme = dark ? state::Theme::Light : state::Theme::Dark;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Switch to the %s theme (remembered)", dark ? "light" : "dark");
  ImGui::SameLine();
  ImGui::SmallButton("Keys");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state::kShortcutHelp);
  ImGui::SameLine();
  switch (state.connection) {
  case state::Connection::Connected:
    ImGui::TextColored(kGoodText,
                       "connected: %s%s",
                       state.server_label.c_str(),
                       state.editor ? "" : " (app key: read-only)");
    break;
  case state::Connection::Connecting:
    ImGui::TextColored(kWarningText, "%s", "connecting...");
    break;
  case state::Connection::Failed: ImGui::TextColored(kErrorText, "%s", "not connected"); break;
  case state::Connection::Disconnected:
    ImGui::TextColored(kMutedText, "%s", "not connected");
    break;
  }
  ImGui::SameLine();
  ImGui::TextColored(kMutedText, "| %s", m_pending > 0 ? "working..." : "idle");
  ImGui::SameLine();
  ImGui::TextColored(kMutedText, "| %s", m_tiles.c_str());
  if (state.city) {
    ImGui::SameLine();
    ImGui::Text("| %s rev %d%s",
                state.city->city.name.c_str(),
                state.city->revision.number,
                state.attractions.dirty_count() > 0 || state.tours.dirty() ? " (unsaved edits)"
                                                                           : "");
  }
  if (!state.last_error.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(kErrorText, "| %s", state.last_error.c_str());
  } else if (!state.log.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(kMutedText, "| %s", state.log.back().c_str());
  }
  if (ImGui::IsWindowHovered() && !state.log.empty()) {
    ImGui::BeginTooltip();
    const std::size_t first = state.log.size() > 15 ? state.log.size() - 15 : 0;
    for (std::size_t i = first; i < state.log.size(); ++i)
      ImGui::TextUnformatted(state.log[i].c_str());
    ImGui::EndTooltip();
  }
}

}  // namespace console::panels
