#include "console/panels/connection_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "console/panels/widgets.h"

namespace console::panels {
namespace {

const char* connection_label(state::Connection connection) {
  switch (connection) {
  case state::Connection::Disconnected: return "not connected";
  case state::Connection::Connecting: return "connecting...";
  case state::Connection::Connected: return "connected";
  case state::Connection::Failed: return "connection failed";
  }
  return "";
}

}  // namespace

void ConnectionPanel::draw_content(state::AppState& state, state::CommandSink& commands) {
  ImGui::SetNextItemWidth(-70.0f);
  ImGui::InputText("Server", &state.settings.server_url);
  ImGui::SetNextItemWidth(-70.0f);
  ImGui::InputText(
      "API key", &state.settings.api_key, m_show_key ? 0 : ImGuiInputTextFlags_Password);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Saved in your config folder (0600), never in imgui.ini.");
  ImGui::SameLine();
  ImGui::Checkbox("##show", &m_show_key);
  if (ImGui::TreeNode("Map tiles")) {
    ImGui::SetNextItemWidth(-70.0f);
    ImGui::InputText("Tile URL", &state.settings.tile_url);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("{z}/{x}/{y} template; \"none\" draws the offline basemap (or a graticule "
                        "where there is none).");
    ImGui::SetNextItemWidth(-70.0f);
    ImGui::InputText("Contact", &state.settings.contact);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Your e-mail or URL, sent in the tiles' User-Agent (OSM policy).");
    ImGui::TreePop();
  }
  if (ImGui::Button("Connect")) {
    state.connection = state::Connection::Connecting;
    commands.push(state::ConnectCommand{state.settings});
    m_apply = true;
  }
  ImGui::SameLine();
  const ImVec4 colour = state.connection == state::Connection::Connected ? kGoodText
                        : state.connection == state::Connection::Failed  ? kErrorText
                                                                         : kMutedText;
  ImGui::TextColored(colour, "%s", connection_label(state.connection));
}

}  // namespace console::panels
