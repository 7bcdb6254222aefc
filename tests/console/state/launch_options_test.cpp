#include "console/state/launch_options.h"

#include <gtest/gtest.h>

#include "shared/errors.h"

namespace {

using console::state::PanelChoice;
using console::state::parse_launch_options;

TEST(LaunchOptions, ReadsTheHeadlessFlags) {
  const auto options = parse_launch_options({"--server",
                                             "http://127.0.0.1:9",
                                             "--key",
                                             "k",
                                             "--city",
                                             "geonames:2735943",
                                             "--screenshot",
                                             "out.png",
                                             "--frames",
                                             "4",
                                             "--panel",
                                             "table",
                                             "--tile-url",
                                             "none",
                                             "--size",
                                             "1280x720"});
  EXPECT_EQ(*options.server_url, "http://127.0.0.1:9");
  EXPECT_EQ(*options.api_key, "k");
  EXPECT_EQ(options.city, "geonames:2735943");
  EXPECT_EQ(options.screenshot, "out.png");
  EXPECT_EQ(options.frames, 4);
  EXPECT_EQ(options.panel, PanelChoice::Table);
  EXPECT_EQ(*options.tile_url, "none");
  EXPECT_EQ(options.width, 1280);
  EXPECT_EQ(options.height, 720);
  EXPECT_FALSE(options.replay_stage.has_value());
}

TEST(LaunchOptions, ReplayStageSelectsTheReplayPanel) {
  const auto options =
      parse_launch_options({"--city", "c", "--screenshot", "r.png", "--replay-stage", "2"});
  EXPECT_EQ(options.panel, PanelChoice::Replay);
  EXPECT_EQ(*options.replay_stage, 2);
}

TEST(LaunchOptions, NothingGivenMeansTheWindowWithSavedSettings) {
  const auto options = parse_launch_options({});
  EXPECT_TRUE(options.screenshot.empty());
  EXPECT_FALSE(options.server_url.has_value());
  EXPECT_EQ(options.panel, PanelChoice::Map);
}

TEST(LaunchOptions, RejectsBadValuesWithTheOptionName) {
  const auto message = [](std::vector<std::string> args) {
    try {
      parse_launch_options(args);
    } catch (const core::InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message({"--replay-stage", "7"}).find("--replay-stage"), std::string::npos);
  EXPECT_NE(message({"--frames", "x"}).find("--frames"), std::string::npos);
  EXPECT_NE(message({"--panel", "sky"}).find("--panel"), std::string::npos);
  EXPECT_NE(message({"--bogus", "1"}).find("unknown option --bogus"), std::string::npos);
  EXPECT_NE(message({"--city"}).find("needs a value"), std::string::npos);
  EXPECT_NE(message({"--screenshot", "a.png"}).find("needs --city"), std::string::npos);
  EXPECT_NE(message({"--size", "big"}).find("--size"), std::string::npos);
}

}  // namespace

TEST(LaunchOptions, StopTourAndThemeForScreenshots) {
  const auto options = console::state::parse_launch_options({"--city",
                                                             "porto",
                                                             "--screenshot",
                                                             "a.png",
                                                             "--stop",
                                                             "Clerigos",
                                                             "--tour",
                                                             "2",
                                                             "--theme",
                                                             "dark"});
  EXPECT_EQ(options.stop, "Clerigos");
  EXPECT_EQ(options.tour, 2);
  ASSERT_TRUE(options.theme.has_value());
  EXPECT_EQ(*options.theme, console::state::Theme::Dark);
  EXPECT_THROW(console::state::parse_launch_options({"--theme", "sepia"}), core::InputError);
  EXPECT_THROW(console::state::parse_launch_options({"--tour", "0"}), core::InputError);
}
