// narrando-console: the editors' console. Reads the environment once here (config and cache
// folders), then runs the window, or the headless screenshot script with --screenshot.
#include <chrono>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "console/app/app.h"
#include "console/app/headless.h"
#include "console/app/screenshot.h"
#include "console/app/window.h"
#include "console/net/settings_file.h"
#include "console/state/launch_options.h"
#include "console/state/settings_session.h"
#include "shared/errors.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point& last) {
  const Clock::time_point now = Clock::now();
  const double seconds = std::chrono::duration<double>(now - last).count();
  last = now;
  return seconds;
}

int run_window(console::app::Window& window, console::app::App& app) {
  Clock::time_point last = Clock::now();
  while (!window.should_close()) {
    window.begin_frame();
    app.frame(static_cast<float>(window.width()),
              static_cast<float>(window.height()),
              seconds_since(last));
    window.end_frame();
  }
  return 0;
}

int run_headless(console::app::Window& window,
                 console::app::App& app,
                 const console::state::LaunchOptions& options) {
  console::app::HeadlessScript script(options);
  Clock::time_point last = Clock::now();
  while (true) {
    const console::app::HeadlessStep step =
        script.before_frame(app.state(), app.commands(), app.idle());
    if (step == console::app::HeadlessStep::Failed) {
      std::cerr << "narrando-console: " << script.error() << "\n";
      return 1;
    }
    if (step == console::app::HeadlessStep::Capture) break;
    window.begin_frame();
    // The replay's play head is posed by the script: no wall-clock animation in screenshots.
    seconds_since(last);
    app.frame(static_cast<float>(window.width()), static_cast<float>(window.height()), 0.0);
    window.end_frame();
  }
  std::vector<std::uint8_t> rgba;
  int width = 0;
  int height = 0;
  window.read_pixels(rgba, width, height);
  if (!console::app::write_png(options.screenshot, rgba, width, height) ||
      !console::app::write_sidecar(options.screenshot, app.describe_frame(width, height))) {
    std::cerr << "narrando-console: cannot write " << options.screenshot << "\n";
    return 1;
  }
  std::cout << "wrote " << options.screenshot << " (" << width << "x" << height << ")\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  console::state::LaunchOptions options;
  try {
    options = console::state::parse_launch_options(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const core::Error& e) {
    std::cerr << "narrando-console: " << e.what() << "\n\n" << console::state::launch_usage();
    return 2;
  }
  if (options.help) {
    std::cout << console::state::launch_usage();
    return 0;
  }
  try {
    const bool headless = !options.screenshot.empty();
    const auto settings_file =
        console::state::settings_path(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
    const auto cache_root =
        console::state::cache_folder(std::getenv("XDG_CACHE_HOME"), std::getenv("HOME"));
    std::string problem;
    const console::state::Settings file_settings =
        console::net::load_settings(settings_file, problem);
    if (!problem.empty()) std::cerr << "narrando-console: " << problem << "\n";
    // Command-line values are for this run: Connect saves only what the user edits in the panel.
    console::state::SettingsSession settings(
        file_settings, {options.server_url, options.api_key, options.tile_url});
    // imgui.ini holds window and table layout only; the key lives in console.json. ImGui does not
    // create folders, so the config folder must exist for it to save the layout; it is made 0700
    // here, before anything is written into it.
    const std::string ini = (settings_file.parent_path() / "imgui.ini").string();
    if (!headless && settings_file.has_parent_path()) {
      try {
        console::net::ensure_settings_folder(settings_file);
      } catch (const core::Error& e) {  // no folder: the layout is simply not remembered
        std::cerr << "narrando-console: " << e.what() << "\n";
      }
    }
    console::app::Window window(
        options.width, options.height, headless, headless ? nullptr : ini.c_str());
    console::app::App app(std::move(settings), {settings_file, cache_root, !headless});
    if (options.theme)
      app.state().settings.theme = *options.theme;  // this run only: never saved from here
    if (headless) return run_headless(window, app, options);
    if (!options.city.empty()) app.open_city_when_connected(options.city);
    return run_window(window, app);
  } catch (const std::exception& e) {
    std::cerr << "narrando-console: " << e.what() << "\n";
    return 1;
  }
}
