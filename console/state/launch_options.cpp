#include "console/state/launch_options.h"

#include <charconv>

#include "console/state/replay_timeline.h"
#include "shared/errors.h"

namespace console::state {
namespace {

int parse_int(const std::string& text, const std::string& option, int low, int high) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    throw core::InputError(option + " needs a whole number from " + std::to_string(low) + " to " +
                           std::to_string(high));
  }
  return value;
}

PanelChoice parse_panel(const std::string& text) {
  if (text == "map") return PanelChoice::Map;
  if (text == "table") return PanelChoice::Table;
  if (text == "tours") return PanelChoice::Tours;
  if (text == "replay") return PanelChoice::Replay;
  throw core::InputError("--panel must be map, table, tours or replay");
}

void parse_size(const std::string& text, LaunchOptions& options) {
  const auto x = text.find('x');
  if (x == std::string::npos) throw core::InputError("--size must look like 1600x1000");
  options.width = parse_int(text.substr(0, x), "--size width", 320, 8192);
  options.height = parse_int(text.substr(x + 1), "--size height", 240, 8192);
}

}  // namespace

LaunchOptions parse_launch_options(const std::vector<std::string>& args) {
  LaunchOptions options;
  bool panel_given = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      options.help = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0)
      throw core::InputError("unexpected argument " + arg + " (see --help)");
    if (i + 1 >= args.size()) throw core::InputError(arg + " needs a value");
    const std::string& value = args[++i];
    if (arg == "--server")
      options.server_url = value;
    else if (arg == "--key")
      options.api_key = value;
    else if (arg == "--tile-url")
      options.tile_url = value;
    else if (arg == "--city")
      options.city = value;
    else if (arg == "--screenshot")
      options.screenshot = value;
    else if (arg == "--replay-stage")
      options.replay_stage = parse_int(value, arg, 0, kReplayStageCount - 1);
    else if (arg == "--frames")
      options.frames = parse_int(value, arg, 1, 600);
    else if (arg == "--timeout")
      options.timeout_seconds = parse_int(value, arg, 1, 3600);
    else if (arg == "--size")
      parse_size(value, options);
    else if (arg == "--stop")
      options.stop = value;
    else if (arg == "--tour")
      options.tour = parse_int(value, arg, 1, 99);
    else if (arg == "--theme")
      options.theme = theme_from_name(value);
    else if (arg == "--panel") {
      options.panel = parse_panel(value);
      panel_given = true;
    } else {
      throw core::InputError("unknown option " + arg + " (see --help)");
    }
  }
  if (options.replay_stage && !panel_given) options.panel = PanelChoice::Replay;
  if (!options.screenshot.empty() && options.city.empty())
    throw core::InputError("--screenshot needs --city");
  return options;
}

const char* launch_usage() {
  return "usage: narrando-console [--server URL] [--key K] [--tile-url URL|none]\n"
         "                        [--city ID] [--screenshot out.png [--panel "
         "map|table|tours|replay]\n"
         "                         [--replay-stage N] [--frames N] [--size WxH] [--timeout S]]\n"
         "                        [--stop NAME] [--tour N] [--theme light|dark]\n"
         "\n"
         "The editors' console of Narrando. Without --screenshot it opens the window; the server "
         "URL,\n"
         "key and tile URL default to the settings file ($XDG_CONFIG_HOME/narrando/console.json);\n"
         "--city opens that city once connected.\n"
         "With --screenshot it connects, loads the city (uuid or place id), renders N real "
         "frames,\n"
         "writes the PNG (and a JSON sidecar out.png.json describing what was drawn) and exits;\n"
         "exit status 1 when the server, the city or the run trace cannot be loaded.\n"
         "--replay-stage N shows the QA replay at the end of stage N: 0 city, 1 raw candidates,\n"
         "2 filter decisions, 3 planning, 4 walking legs. --tile-url none draws the offline "
         "basemap (a graticule for a city without one).\n"
         "--stop NAME selects the stop found by that name (its details open beside the table);\n"
         "--tour N highlights tour N and zooms to it; --theme picks the colours for this run.\n";
}

}  // namespace console::state
