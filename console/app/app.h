#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "console/app/tile_textures.h"
#include "console/net/api_worker.h"
#include "console/panels/attractions_panel.h"
#include "console/panels/cities_panel.h"
#include "console/panels/connection_panel.h"
#include "console/panels/map_panel.h"
#include "console/panels/publish_dialog.h"
#include "console/panels/replay_panel.h"
#include "console/panels/status_bar.h"
#include "console/panels/tours_panel.h"
#include "console/state/app_state.h"
#include "console/state/settings_session.h"

namespace console::app {

/// Where the app keeps its files.
struct AppPaths {
  std::filesystem::path settings_file;  ///< console.json (0600)
  std::filesystem::path cache_root;     ///< tiles go under <root>/tiles
  bool save_settings = true;            ///< false in headless runs: command-line values stay there
};

/// The console: owns the state, the network worker, the tile textures and the panels, and runs
/// one frame at a time: (1) drain the worker's replies into the state, (2) draw the panels, which
/// push commands, (3) hand the commands to the worker. Main thread only.
class App {
 public:
  /// Starts with `settings.initial()`; connects at once when they name a server.
  App(state::SettingsSession settings, AppPaths paths);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  /// One frame between ImGui::NewFrame and ImGui::Render. No exception leaves it: a failure is
  /// shown in the status bar and the ImGui stack is repaired.
  void frame(float width, float height, double seconds);
  /// The state the panels draw (the headless script drives it too).
  state::AppState& state() { return m_state; }
  /// Commands for the worker, handed over at the end of the frame.
  state::CommandSink& commands() { return m_commands; }
  /// True when no request is queued or running and no tile is loading.
  bool idle() const;
  /// Opens the city `key` (uuid or place id) once connected (narrando-console --city).
  void open_city_when_connected(std::string key) { m_open_city = std::move(key); }
  /// What the last frame drew, for the headless sidecar.
  nlohmann::json describe_frame(int width, int height) const;

 private:
  void draw_panels(float width, float height);
  void handle_shortcuts();
  void apply_theme();
  void apply_settings();
  void restart_tiles();

  state::AppState m_state;
  state::CommandSink m_commands;
  state::SettingsSession m_settings;  ///< the file's values and the command line's one-off ones
  AppPaths m_paths;
  std::string m_open_city;
  std::optional<state::Theme> m_applied_theme;  ///< the ImGui style in use
  std::string m_tile_source_key;  ///< tile URL and contact the current fetcher was made for
  std::unique_ptr<TileTextures> m_tiles;
  panels::ConnectionPanel m_connection;
  panels::CitiesPanel m_cities;
  std::unique_ptr<panels::MapPanel> m_map;
  panels::AttractionsPanel m_attractions;
  panels::ToursPanel m_tours;
  panels::ReplayPanel m_replay;
  panels::PublishDialog m_publish;
  panels::StatusBar m_status;
  net::ApiWorker m_worker;  ///< last: its threads stop first
};

}  // namespace console::app
