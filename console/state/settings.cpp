#include "console/state/settings.h"

#include "shared/errors.h"
#include "shared/json/json_reader.h"

namespace console::state {
namespace {

bool set(const char* value) {
  return value != nullptr && *value != '\0';
}

}  // namespace

const char* theme_name(Theme theme) {
  return theme == Theme::Dark ? "dark" : "light";
}

Theme theme_from_name(const std::string& name) {
  if (name == "light") return Theme::Light;
  if (name == "dark") return Theme::Dark;
  throw core::InputError("theme must be \"light\" or \"dark\", got \"" + name + "\"",
                         "invalid_settings");
}

nlohmann::json settings_to_json(const Settings& settings) {
  return {{"server_url", settings.server_url},
          {"api_key", settings.api_key},
          {"tile_url", settings.tile_url},
          {"contact", settings.contact},
          {"theme", theme_name(settings.theme)}};
}

Settings settings_from_json(const nlohmann::json& value) {
  Settings settings;
  core::json::ObjectReader reader(value, "settings", false);
  reader.optional("server_url", settings.server_url);
  reader.optional("api_key", settings.api_key);
  reader.optional("tile_url", settings.tile_url);
  reader.optional("contact", settings.contact);
  std::string theme = theme_name(settings.theme);
  reader.optional("theme", theme);
  settings.theme = theme_from_name(theme);
  return settings;
}

std::filesystem::path settings_path(const char* xdg_config_home, const char* home) {
  if (set(xdg_config_home))
    return std::filesystem::path(xdg_config_home) / "narrando" / "console.json";
  if (set(home)) return std::filesystem::path(home) / ".config" / "narrando" / "console.json";
  return "narrando-console.json";
}

std::filesystem::path cache_folder(const char* xdg_cache_home, const char* home) {
  if (set(xdg_cache_home)) return std::filesystem::path(xdg_cache_home) / "narrando";
  if (set(home)) return std::filesystem::path(home) / ".cache" / "narrando";
  return ".narrando-cache";
}

std::string tile_user_agent(const std::string& version, const std::string& contact) {
  std::string agent = "NarrandoConsole/" + version + " (Narrando editors' console";
  if (!contact.empty()) agent += "; " + contact;
  return agent + ")";
}

}  // namespace console::state
