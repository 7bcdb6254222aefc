#include "console/net/settings_file.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>

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
  EXPECT_EQ(console::net::load_settings(dir.path() / "none.json", problem), console::state::Settings{});
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
