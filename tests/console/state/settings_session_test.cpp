#include "console/state/settings_session.h"

#include <gtest/gtest.h>

namespace {

using console::state::Settings;
using console::state::SettingsOverrides;
using console::state::SettingsSession;

Settings saved_settings() {
  Settings settings;
  settings.server_url = "https://narrando.example";
  settings.api_key = "saved-editor-key-0123456789";
  settings.contact = "ops@narrando.example";
  return settings;  // tile_url: OpenStreetMap
}

TEST(SettingsSession, StartsWithTheCommandLineOverTheFile) {
  const SettingsSession session(saved_settings(), {"http://127.0.0.1:18123", std::nullopt, "none"});
  const Settings start = session.initial();
  EXPECT_EQ(start.server_url, "http://127.0.0.1:18123");
  EXPECT_EQ(start.api_key, "saved-editor-key-0123456789");
  EXPECT_EQ(start.tile_url, "none");
  EXPECT_EQ(start.contact, "ops@narrando.example");
}

TEST(SettingsSession, ConnectLeavesUneditedCommandLineValuesOutOfTheFile) {
  SettingsSession session(saved_settings(), {"http://127.0.0.1:18123", "one-off-key", "none"});
  Settings panel = session.initial();
  panel.contact = "editor@narrando.example";  // edited in the panel: saved
  const Settings file = session.apply(panel);
  EXPECT_EQ(file.server_url, "https://narrando.example");
  EXPECT_EQ(file.api_key, "saved-editor-key-0123456789");
  EXPECT_EQ(file.tile_url, console::state::kOsmTileUrl);
  EXPECT_EQ(file.contact, "editor@narrando.example");
  EXPECT_EQ(session.file(), file);
}

TEST(SettingsSession, AFieldTheUserEditsIsTheirsFromThenOn) {
  SettingsSession session(saved_settings(), {"http://127.0.0.1:18123", std::nullopt, "none"});
  Settings panel = session.initial();
  panel.server_url = "https://staging.narrando.example";
  EXPECT_EQ(session.apply(panel).server_url, "https://staging.narrando.example");
  EXPECT_EQ(session.apply(panel).tile_url,
            console::state::kOsmTileUrl);  // still the untouched override
  // Typed back to the command line's value: the user chose it, so it is saved now.
  panel.server_url = "http://127.0.0.1:18123";
  EXPECT_EQ(session.apply(panel).server_url, "http://127.0.0.1:18123");
}

TEST(SettingsSession, WithoutOverridesConnectSavesThePanel) {
  SettingsSession session(Settings{}, {});
  Settings panel = session.initial();
  EXPECT_EQ(panel, Settings{});
  panel.server_url = "https://narrando.example";
  panel.api_key = "editor-key";
  panel.tile_url = "none";
  EXPECT_EQ(session.apply(panel), panel);
}

}  // namespace
