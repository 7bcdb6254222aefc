#include "console/app/app.h"

#include <imgui.h>
#include <imgui_internal.h>

#include "console/app/frame_layout.h"
#include "console/net/settings_file.h"
#include "console/state/city_status.h"
#include "console/state/shortcuts.h"

#ifndef NARRANDO_VERSION
#define NARRANDO_VERSION "0"
#endif

namespace console::app {
namespace {

void ignore_imgui_error(void*, const char*, ...) {}

const char* tab_name(state::BottomTab tab) {
  switch (tab) {
  case state::BottomTab::Attractions: return "Attractions";
  case state::BottomTab::Tours: return "Tours";
  case state::BottomTab::Replay: return "QA replay";
  }
  return "";
}

}  // namespace

App::App(state::SettingsSession settings, AppPaths paths)
    : m_settings(std::move(settings)), m_paths(std::move(paths)) {
  m_state.settings = m_settings.initial();
  restart_tiles();
  if (!m_state.settings.server_url.empty()) {
    m_state.connection = state::Connection::Connecting;
    m_commands.push(state::ConnectCommand{m_state.settings});
  }
}

App::~App() = default;

void App::restart_tiles() {
  // A new fetcher only when the tile source changed: connecting to another server keeps the tiles.
  const std::string key = m_state.settings.tile_url + '\n' + m_state.settings.contact;
  if (m_tiles && key == m_tile_source_key) return;
  m_tile_source_key = key;
  std::optional<net::TileSource> source;
  const std::string& url = m_state.settings.tile_url;
  if (!url.empty() && url != state::kNoTiles) {
    source = net::TileSource{url,
                             state::tile_user_agent(NARRANDO_VERSION, m_state.settings.contact),
                             m_paths.cache_root};
  }
  m_map.reset();
  try {
    m_tiles = std::make_unique<TileTextures>(std::move(source));
  } catch (const std::exception& e) {
    state::add_log(m_state, std::string("tiles off: ") + e.what());
    m_state.last_error = std::string("bad tile URL: ") + e.what();
    m_tiles = std::make_unique<TileTextures>(std::nullopt);
  }
  m_map = std::make_unique<panels::MapPanel>(*m_tiles);
}

void App::apply_settings() {
  restart_tiles();
  if (!m_paths.save_settings) return;
  try {
    net::save_settings(m_paths.settings_file, m_settings.apply(m_state.settings));
  } catch (const std::exception& e) {
    m_state.last_error = e.what();
  }
}

bool App::idle() const {
  return m_worker.pending() == 0 && m_commands.empty() && !m_tiles->busy();
}

void App::frame(float width, float height, double seconds) {
  for (state::Reply& reply : m_worker.drain())
    state::apply_reply(m_state, std::move(reply), m_commands);
  m_state.replay.timeline.tick(seconds);
  apply_theme();
  if (!m_open_city.empty() && m_state.connection == state::Connection::Connected) {
    if (const state::CitySummary* city = state::find_city(m_state.cities, m_open_city)) {
      m_commands.push(state::LoadCityCommand{city->city.id, std::nullopt});
    } else {
      m_state.last_error = "no city \"" + m_open_city + "\" on " + m_state.server_label;
    }
    m_open_city.clear();
  }
  try {
    draw_panels(width, height);
  } catch (const std::exception& e) {
    // Close whatever Begin/Push the failed panel left open, keep the message.
    ImGui::ErrorCheckEndFrameRecover(ignore_imgui_error);
    m_state.last_error = std::string("internal error: ") + e.what();
  }
  if (m_connection.take_apply()) apply_settings();
  m_tiles->update();
  for (state::Command& command : m_commands.take()) m_worker.submit(std::move(command));
}

void App::apply_theme() {
  if (m_applied_theme == m_state.settings.theme) return;
  const bool first = !m_applied_theme.has_value();
  m_applied_theme = m_state.settings.theme;
  if (m_state.settings.theme == state::Theme::Light) {
    ImGui::StyleColorsLight();
  } else {
    ImGui::StyleColorsDark();
  }
  if (!first && m_paths.save_settings)
    apply_settings();  // a theme chosen in the status bar is remembered
}

void App::handle_shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  // Dear ImGui 1.86's GLFW backend indexes the keys by GLFW key code, which for letters and
  // brackets is their ASCII code.
  for (const char key : {'Z', 'Y', 'S', 'F', '[', ']'}) {
    if (!ImGui::IsKeyPressed(static_cast<unsigned char>(key), false)) continue;
    state::run_shortcut(
        m_state, m_commands, state::shortcut_for({key, io.KeyCtrl, io.KeyShift, io.WantTextInput}));
  }
}

void App::draw_panels(float width, float height) {
  handle_shortcuts();
  const FrameLayout layout = frame_layout(width, height);
  begin_fixed_window("Narrando", layout.sidebar);
  if (ImGui::CollapsingHeader("Server",
                              m_state.connection == state::Connection::Connected
                                  ? 0
                                  : ImGuiTreeNodeFlags_DefaultOpen)) {
    m_connection.draw_content(m_state, m_commands);
  }
  ImGui::TextUnformatted("Cities");
  m_cities.draw_content(m_state, m_commands);
  ImGui::End();

  const std::string map_title =
      m_state.city ? "Map - " + m_state.city->city.name + "###map" : std::string("Map###map");
  begin_fixed_window(map_title.c_str(),
                     layout.map,
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  m_map->draw_content(m_state, m_commands);
  ImGui::End();

  begin_fixed_window("Editor", layout.bottom, ImGuiWindowFlags_NoTitleBar);
  if (ImGui::BeginTabBar("tabs")) {
    for (const state::BottomTab tab :
         {state::BottomTab::Attractions, state::BottomTab::Tours, state::BottomTab::Replay}) {
      const bool force = m_state.tab_forced && m_state.tab == tab;
      if (!ImGui::BeginTabItem(tab_name(tab), nullptr, force ? ImGuiTabItemFlags_SetSelected : 0))
        continue;
      if (!m_state.tab_forced) m_state.tab = tab;
      if (tab == state::BottomTab::Attractions) m_attractions.draw_content(m_state, m_commands);
      if (tab == state::BottomTab::Tours) m_tours.draw_content(m_state, m_commands);
      if (tab == state::BottomTab::Replay) m_replay.draw_content(m_state, m_commands);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  m_state.tab_forced = false;
  ImGui::End();

  begin_fixed_window(
      "##status", layout.status, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  m_status.set_activity(m_worker.pending(), m_tiles->status());
  m_status.draw_content(m_state, m_commands);
  ImGui::End();

  m_publish.draw_content(m_state, m_commands);
}

nlohmann::json App::describe_frame(int width, int height) const {
  const panels::MapFrameRecord& map = m_map->record();
  nlohmann::json markers = nlohmann::json::array();
  for (const draw::Marker& marker : map.scene.markers) {
    if (marker.attraction_id.empty()) continue;
    markers.push_back({{"id", marker.attraction_id},
                       {"x", marker.at.x},
                       {"y", marker.at.y},
                       {"tour", marker.tour},
                       {"filled", marker.filled}});
  }
  nlohmann::json swatches = nlohmann::json::array();
  for (const panels::SwatchRecord& s : m_attractions.swatches()) {
    swatches.push_back({{"id", s.attraction_id},
                        {"tour", s.tour},
                        {"x0", s.min.x},
                        {"y0", s.min.y},
                        {"x1", s.max.x},
                        {"y1", s.max.y}});
  }
  nlohmann::json sidecar{
      {"width", width},
      {"height", height},
      {"tab", tab_name(m_state.tab)},
      {"map",
       {{"drawn", map.drawn},
        {"mode", map.replay ? "replay" : "edit"},
        {"canvas",
         {{"x", map.transform.origin.x},
          {"y", map.transform.origin.y},
          {"width", map.transform.size.x},
          {"height", map.transform.size.y}}},
        {"centre", {{"x", map.transform.centre.x}, {"y", map.transform.centre.y}}},
        {"zoom", map.transform.zoom},
        {"tiles_enabled", m_tiles->enabled()},
        {"tiles_visible", map.tiles_visible},
        {"tiles_drawn", map.tiles_drawn},
        {"credit", map.credit},
        {"basemap",
         {{"drawn", map.basemap_drawn},
          {"level", map.basemap_level},
          {"areas", map.basemap_areas},
          {"lines", map.basemap_lines},
          {"labels", map.basemap_labels}}},
        {"markers", std::move(markers)}}},
      {"table", {{"swatches", std::move(swatches)}}},
      {"access", {{"editor", m_state.editor}, {"read_only", state::read_only_reason(m_state)}}},
      {"selected", {{"attraction", m_state.selected_id}, {"tour", m_state.selected_tour}}},
      {"replay",
       {{"position", m_state.replay.timeline.position()},
        {"stage", state::replay_stage_label(m_state.replay.timeline.frame().stage)}}}};
  if (m_state.city) {
    sidecar["city"] = {{"id", m_state.city->city.id},
                       {"name", m_state.city->city.name},
                       {"revision", m_state.city->revision.number}};
  }
  return sidecar;
}

}  // namespace console::app
