#include "console/state/settings.h"

#include <gtest/gtest.h>

#include "shared/errors.h"

namespace {

using console::state::Settings;

TEST(SettingsPath, FollowsTheXdgConfigFolder) {
  EXPECT_EQ(console::state::settings_path("/x/cfg", "/home/ed"), "/x/cfg/narrando/console.json");
  EXPECT_EQ(console::state::settings_path("", "/home/ed"),
            "/home/ed/.config/narrando/console.json");
  EXPECT_EQ(console::state::settings_path(nullptr, nullptr), "narrando-console.json");
  EXPECT_EQ(console::state::cache_folder("/x/cache", "/home/ed"), "/x/cache/narrando");
  EXPECT_EQ(console::state::cache_folder(nullptr, "/home/ed"), "/home/ed/.cache/narrando");
}

TEST(SettingsJson, RoundTripsAndKeepsDefaultsForMissingMembers) {
  Settings settings;
  settings.server_url = "https://narrando.example";
  settings.api_key = "editor-key-0123456789";
  settings.tile_url = "none";
  settings.contact = "ops@narrando.example";
  EXPECT_EQ(console::state::settings_from_json(console::state::settings_to_json(settings)),
            settings);
  const Settings partial = console::state::settings_from_json({{"api_key", "k"}, {"window", 3}});
  EXPECT_EQ(partial.api_key, "k");
  EXPECT_EQ(partial.tile_url, console::state::kOsmTileUrl);
  EXPECT_THROW(console::state::settings_from_json({{"server_url", 8080}}), core::InputError);
}

TEST(TileUserAgent, NamesTheAppItsVersionAndContact) {
  EXPECT_EQ(console::state::tile_user_agent("0.1.0", "ops@narrando.example"),
            "NarrandoConsole/0.1.0 (Narrando editors' console; ops@narrando.example)");
  EXPECT_EQ(console::state::tile_user_agent("0.1.0", ""),
            "NarrandoConsole/0.1.0 (Narrando editors' console)");
}

TEST(DefaultSettings, UseTheOpenStreetMapTilesOverHttps) {
  EXPECT_EQ(Settings{}.tile_url, "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
}

}  // namespace

TEST(SettingsTheme, IsRememberedAndLightByDefault) {
  console::state::Settings settings;
  EXPECT_EQ(settings.theme, console::state::Theme::Light);
  settings.theme = console::state::Theme::Dark;
  const nlohmann::json json = console::state::settings_to_json(settings);
  EXPECT_EQ(json.at("theme"), "dark");
  EXPECT_EQ(console::state::settings_from_json(json).theme, console::state::Theme::Dark);
  EXPECT_EQ(console::state::settings_from_json(nlohmann::json::object()).theme,
            console::state::Theme::Light);
  EXPECT_THROW(console::state::settings_from_json({{"theme", "sepia"}}), core::InputError);
}
