#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace console::state {

/// The OpenStreetMap tile server (apis.md §6: https only, no a./b./c. subdomains).
inline constexpr const char* kOsmTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
/// The tile URL value that turns tiles off (the offline basemap, or a graticule, is drawn instead).
inline constexpr const char* kNoTiles = "none";

/// The console's colours: light (the default; the map reads like a paper map) or dark.
enum class Theme { Light, Dark };

/// "light" or "dark".
const char* theme_name(Theme theme);
/// The theme named `name`; throws core::InputError for another name.
Theme theme_from_name(const std::string& name);

/// What the console remembers between runs. Kept in the user's config folder with 0600
/// permissions (it holds the API key), never in imgui.ini.
struct Settings {
  std::string server_url = "http://127.0.0.1:8080";
  std::string api_key;
  std::string tile_url = kOsmTileUrl;  ///< {z}/{x}/{y} template, or "none"
  std::string contact;                 ///< e-mail or URL put in the tiles' User-Agent
  Theme theme = Theme::Light;

  friend bool operator==(const Settings&, const Settings&) = default;
};

/// JSON of the settings file. Reading ignores unknown members and keeps defaults for missing
/// ones; throws core::InputError on a member of the wrong type.
nlohmann::json settings_to_json(const Settings& settings);
Settings settings_from_json(const nlohmann::json& value);

/// $XDG_CONFIG_HOME/narrando/console.json, else $HOME/.config/narrando/console.json, else
/// ./narrando-console.json. Arguments are the variables' values (null or empty when unset).
std::filesystem::path settings_path(const char* xdg_config_home, const char* home);

/// $XDG_CACHE_HOME/narrando, else $HOME/.cache/narrando, else ./.narrando-cache.
std::filesystem::path cache_folder(const char* xdg_cache_home, const char* home);

/// The tiles' User-Agent: the application, its version and the contact (apis.md §6 asks for a
/// specific, stable one; generic library agents are blocked).
std::string tile_user_agent(const std::string& version, const std::string& contact);

}  // namespace console::state
