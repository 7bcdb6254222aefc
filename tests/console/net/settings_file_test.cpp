#include "console/net/settings_file.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>

#include "console/state/settings_session.h"
#include "tests/support/temp_dir.h"

namespace {

TEST(SettingsFile, IsWrittenOwnerOnlyAndReadBack) {
  narrando::testing::TempDir dir;
  const auto path = dir.path() / "config" / "narrando" / "console.json";
  console::state::Settings settings;
  settings.server_url = "https://api.narrando.example";
  settings.api_key = "editor-key-0123456789abcdef";
  console::net::save_settings(path, settings);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(path.parent_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  std::string problem;
  EXPECT_EQ(console::net::load_settings(path, problem), settings);
  EXPECT_TRUE(problem.empty());
}

unsigned mode_of(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return 0;
  return info.st_mode & 0777;
}

// main.cpp makes the folder at start-up (imgui.ini goes there) before any settings are saved: the
// folder must be 0700 from that moment, not only when save_settings makes it.
TEST(SettingsFile, TheFolderMadeAtStartUpIsOwnerOnly) {
  narrando::testing::TempDir dir;
  const auto path = dir.path() / "config" / "narrando" / "console.json";
  console::net::ensure_settings_folder(path);
  EXPECT_EQ(mode_of(path.parent_path()), 0700u);
  EXPECT_FALSE(std::filesystem::exists(path));
  console::net::save_settings(path, {});
  EXPECT_EQ(mode_of(path.parent_path()), 0700u);
  EXPECT_EQ(mode_of(path), 0600u);
  // A folder the user made is theirs: left as it is.
  const auto own = dir.path() / "own" / "console.json";
  std::filesystem::create_directories(own.parent_path());
  ::chmod(own.parent_path().c_str(), 0750);
  console::net::ensure_settings_folder(own);
  console::net::save_settings(own, {});
  EXPECT_EQ(mode_of(own.parent_path()), 0750u);
}

// narrando-console --server ... --key ... --tile-url none, then Connect without editing those.
TEST(SettingsFile, CommandLineValuesNeverReachTheFileUnlessEdited) {
  narrando::testing::TempDir dir;
  const auto path = dir.path() / "narrando" / "console.json";
  console::state::Settings saved;
  saved.server_url = "https://narrando.example";
  saved.api_key = "saved-editor-key-0123456789";
  console::net::save_settings(path, saved);
  std::string problem;
  console::state::SettingsSession session(console::net::load_settings(path, problem),
                                          {"http://127.0.0.1:18123", "one-off-key", "none"});
  console::state::Settings panel = session.initial();
  panel.contact = "editor@narrando.example";
  console::net::save_settings(path, session.apply(panel));
  console::state::Settings expected = saved;
  expected.contact = "editor@narrando.example";
  EXPECT_EQ(console::net::load_settings(path, problem), expected);
  panel.tile_url = "https://tiles.narrando.example/{z}/{x}/{y}.png";  // now edited: saved
  console::net::save_settings(path, session.apply(panel));
  expected.tile_url = panel.tile_url;
  EXPECT_EQ(console::net::load_settings(path, problem), expected);
}

TEST(SettingsFile, NarrowsAnOldWorldReadableFile) {
  narrando::testing::TempDir dir;
  const auto path = dir.path() / "console.json";
  std::ofstream(path) << "{}";
  ::chmod(path.c_str(), 0644);
  console::net::save_settings(path, {});
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST(SettingsFile, MissingFileGivesDefaultsQuietly) {
  narrando::testing::TempDir dir;
  std::string problem = "stale";
  EXPECT_EQ(console::net::load_settings(dir.path() / "none.json", problem),
            console::state::Settings{});
  EXPECT_TRUE(problem.empty());
}

TEST(SettingsFile, MalformedFileGivesDefaultsAndSaysSo) {
  narrando::testing::TempDir dir;
  const auto path = dir.path() / "console.json";
  std::ofstream(path) << "{\"server_url\": ";
  std::string problem;
  EXPECT_EQ(console::net::load_settings(path, problem), console::state::Settings{});
  EXPECT_NE(problem.find("console.json"), std::string::npos);
}

}  // namespace
