#pragma once

#include <optional>

#include "console/state/settings.h"
#include <string>
#include <vector>

namespace console::state {

/// Which part of the window a screenshot is about (selects the bottom tab and the map mode).
enum class PanelChoice { Map, Table, Tours, Replay };

/// Command-line options of narrando-console. Unset values fall back to the settings file.
struct LaunchOptions {
  std::optional<std::string> server_url;  ///< --server URL
  std::optional<std::string> api_key;     ///< --key K
  std::optional<std::string> tile_url;    ///< --tile-url URL|none
  std::string city;                       ///< --city ID (city uuid or place id)
  std::string screenshot;                 ///< --screenshot out.png: headless, write and exit
  std::optional<int> replay_stage;        ///< --replay-stage N (0..4): replay shown at stage N
  int frames = 6;                         ///< --frames N: frames rendered before the capture
  PanelChoice panel = PanelChoice::Map;   ///< --panel map|table|tours|replay
  int width = 1600;                       ///< --size WxH
  int height = 1000;
  int timeout_seconds = 60;    ///< --timeout S: headless gives up after S seconds
  std::string stop;            ///< --stop NAME: select the stop found by that name
  int tour = 0;                ///< --tour N: highlight tour N (1-based) and zoom to it
  std::optional<Theme> theme;  ///< --theme light|dark: for this run only
  bool help = false;           ///< --help
};

/// Parses the arguments after the program name. Throws core::InputError naming the bad option.
/// --replay-stage without --panel selects the replay panel.
LaunchOptions parse_launch_options(const std::vector<std::string>& args);

/// The --help text.
const char* launch_usage();

}  // namespace console::state
