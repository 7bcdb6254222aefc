// End to end: the real narrando-server on loopback (embedded data, SQLite, an editor key), Porto
// generated, then narrando-console --screenshot under X (Xvfb + Mesa llvmpipe in CI). The PNGs'
// pixels are checked where console_core's map transform puts the server's stops.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include <httplib.h>

#include "console/draw/map_scene.h"
#include "console/draw/palette.h"
#include "shared/json/city_messages.h"
#include "shared/json/model_json.h"
#include "tests/console/gui/screenshot_checks.h"
#include "tests/console/support/fake_tile_server.h"
#include "tests/support/server_process.h"
#include "tests/support/temp_dir.h"

namespace {

using console::draw::Rgba;
using console::draw::Vec2;
using console::testing::Image;

constexpr const char* kKey = "gui-test-editor-key-0123456789";
constexpr Rgba kTileColour{214, 226, 206, 255};

struct Shot {
  int exit_code = -1;
  std::string log;
  Image image;
  nlohmann::json sidecar;
};

class ConsoleScreenshot : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = std::make_unique<narrando::testing::TempDir>();
    s_server = std::make_unique<narrando::testing::ServerProcess>(
        NARRANDO_SERVER_BINARY, std::map<std::string, std::string>{{"NARRANDO_DB", s_dir->file("narrando.db")},
                                                                   {"API_KEYS", std::string(kKey) + ":editor"},
                                                                   {"HOST", "127.0.0.1"},
                                                                   {"WORKERS", "1"}});
    const auto generated = client().Post("/api/generate-city", R"({"place_id": "geonames:2735943"})", "application/json");
    ASSERT_TRUE(generated && generated->status == 200) << (generated ? generated->body : "no answer");
    s_city_id = nlohmann::json::parse(generated->body).at("city_id").get<std::string>();
    const auto document = client().Get("/api/cities/" + s_city_id);
    ASSERT_TRUE(document && document->status == 200);
    auto city_document = nlohmann::json::parse(document->body).get<core::json::CityDocument>();
    s_city = std::move(city_document.city);
    s_revision = std::move(city_document.revision);
    const auto run = client().Get("/api/cities/" + s_city_id + "/runs/" + s_revision.job_id);
    ASSERT_TRUE(run && run->status == 200);
    s_run = nlohmann::json::parse(run->body).get<core::json::RunAnswer>().run;
  }
  static void TearDownTestSuite() {
    s_server.reset();
    s_dir.reset();
  }
  void SetUp() override {
    if (std::getenv("DISPLAY") == nullptr) {
      if (std::getenv("NARRANDO_REQUIRE_DISPLAY")) FAIL() << "DISPLAY is unset; scripts/run-tests.sh starts Xvfb";
      GTEST_SKIP() << "no DISPLAY (run under Xvfb: scripts/run-tests.sh does)";
    }
  }

  static httplib::Client client() {
    httplib::Client c("127.0.0.1", s_server->port());
    c.set_bearer_token_auth(kKey);
    c.set_read_timeout(120, 0);
    return c;
  }

  // Runs the console headless with `args` and reads back its PNG and sidecar.
  static Shot shoot(const std::string& name, const std::string& args) {
    const std::string png = s_dir->file(name + ".png");
    const std::string log = s_dir->file(name + ".log");
    const std::string command = "XDG_CONFIG_HOME=" + s_dir->file("config") + " XDG_CACHE_HOME=" + s_dir->file("cache") +
                                " LIBGL_ALWAYS_SOFTWARE=1 " NARRANDO_CONSOLE_BINARY " --server http://127.0.0.1:" +
                                std::to_string(s_server->port()) + " --key " + kKey + " --screenshot " + png + " " + args +
                                " >" + log + " 2>&1";
    Shot shot;
    const int status = std::system(command.c_str());
    shot.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    shot.log = text.str();
    if (shot.exit_code == 0) {
      shot.image = Image::load(png);
      std::ifstream sidecar(png + ".json");
      shot.sidecar = nlohmann::json::parse(sidecar, nullptr, false);
    }
    return shot;
  }

  // Share of `tours`' stops whose projected position shows their tour's colour.
  static double stops_in_colour(const Shot& shot, const std::vector<core::model::Tour>& tours, int& counted) {
    const auto transform = console::testing::transform_from(shot.sidecar);
    int matched = 0;
    counted = 0;
    for (const core::model::Tour& tour : tours) {
      for (const core::model::TourStop& stop : tour.stops) {
        const Vec2 at = transform.to_screen(stop.location);
        if (!transform.contains(at)) continue;
        ++counted;
        if (console::testing::count_colour(shot.image, at, 6.0, console::draw::tour_colour(tour.index)) >= 3) ++matched;
      }
    }
    return counted ? static_cast<double>(matched) / counted : 0.0;
  }

  static inline std::unique_ptr<narrando::testing::TempDir> s_dir;
  static inline std::unique_ptr<narrando::testing::ServerProcess> s_server;
  static inline std::string s_city_id;
  static inline core::model::City s_city;
  static inline core::model::Revision s_revision;
  static inline core::model::RunTrace s_run;
};

// Pixels of any tour colour in the canvas farther than `clearance` from every tour stop and leg.
int tour_colour_far_from_tours(const Image& image, const console::draw::MapTransform& transform,
                               const std::vector<core::model::Tour>& tours, double clearance, int* tile_pixels, int* sampled) {
  std::vector<std::pair<Vec2, Vec2>> segments;
  for (const auto& tour : tours) {
    for (const auto& leg : console::draw::leg_paths(tour)) {
      for (std::size_t i = 1; i < leg.size(); ++i) segments.emplace_back(transform.to_screen(leg[i - 1]), transform.to_screen(leg[i]));
    }
  }
  int found = 0;
  for (double y = transform.origin.y + 2; y < transform.origin.y + transform.size.y - 40; y += 3) {
    for (double x = transform.origin.x + 2; x < transform.origin.x + transform.size.x - 2; x += 3) {
      const Vec2 p{x, y};
      bool near = false;
      for (const auto& [a, b] : segments) near = near || console::testing::segment_distance(p, a, b) < clearance;
      if (near) continue;
      const Rgba pixel = image.at(static_cast<int>(x), static_cast<int>(y));
      if (sampled) ++*sampled;
      if (tile_pixels && console::testing::same_colour(pixel, kTileColour, 3)) ++*tile_pixels;
      for (int t = 0; t < console::draw::kTourColourCount; ++t) {
        if (console::testing::same_colour(pixel, console::draw::tour_colour(t))) ++found;
      }
    }
  }
  return found;
}

TEST_F(ConsoleScreenshot, MapShowsEachTourInItsColourWhereItsStopsAre) {
  console::testing::FakeTileServer tiles(console::testing::solid_png(kTileColour.r, kTileColour.g, kTileColour.b));
  const Shot shot = shoot("map", "--city geonames:2735943 --panel map --tile-url " + tiles.url_template());
  ASSERT_EQ(shot.exit_code, 0) << shot.log;
  ASSERT_GT(shot.image.width, 0);
  EXPECT_EQ(shot.sidecar.at("city").at("id"), s_city_id);
  EXPECT_EQ(shot.sidecar.at("map").at("mode"), "edit");
  ASSERT_GE(s_revision.tours.size(), 2u);
  int counted = 0;
  EXPECT_GE(stops_in_colour(shot, s_revision.tours, counted), 0.7);
  EXPECT_GE(counted, 10);
  // Away from the tours there is no tour colour, and the fake server's tiles show.
  const auto transform = console::testing::transform_from(shot.sidecar);
  int tile_pixels = 0;
  int sampled = 0;
  EXPECT_EQ(tour_colour_far_from_tours(shot.image, transform, s_revision.tours, 16.0, &tile_pixels, &sampled), 0);
  EXPECT_GT(tile_pixels, sampled / 2);
  EXPECT_GT(shot.sidecar.at("map").at("tiles_drawn").get<int>(), 0);
  EXPECT_EQ(shot.sidecar.at("map").at("tiles_drawn"), shot.sidecar.at("map").at("tiles_visible"));
  EXPECT_GT(tiles.served(), 0);
  // Tiles were drawn: the OpenStreetMap credit is on the map.
  EXPECT_EQ(shot.sidecar.at("map").at("credit"), "\xC2\xA9 OpenStreetMap contributors");
  for (const std::string& agent : tiles.agents()) EXPECT_EQ(agent.rfind("NarrandoConsole/", 0), 0u) << agent;
}

TEST_F(ConsoleScreenshot, ReplayAtTheFilterStageShowsDecisionsAndNoTourYet) {
  const Shot shot = shoot("replay-filter", "--city " + s_city_id + " --replay-stage 2 --tile-url none");
  ASSERT_EQ(shot.exit_code, 0) << shot.log;
  EXPECT_EQ(shot.sidecar.at("map").at("mode"), "replay");
  EXPECT_EQ(shot.sidecar.at("replay").at("stage"), "Filter decisions");
  const auto transform = console::testing::transform_from(shot.sidecar);
  int kept = 0;
  int kept_shown = 0;
  for (const core::model::Attraction& a : s_run.decisions) {
    const Vec2 at = transform.to_screen(a.location);
    if (!a.included || !transform.contains(at)) continue;
    ++kept;
    if (console::testing::count_colour(shot.image, at, 4.0, console::draw::kKeptColour) >= 3) ++kept_shown;
  }
  ASSERT_GE(kept, 20);
  EXPECT_GE(static_cast<double>(kept_shown) / kept, 0.8);
  // Planning has not run yet: no tour colour anywhere on the canvas (no clearance at all).
  EXPECT_EQ(tour_colour_far_from_tours(shot.image, transform, {}, 0.0, nullptr, nullptr), 0);
  // Tiles are off: the offline background shows where nothing is drawn, and no OSM credit.
  EXPECT_EQ(shot.sidecar.at("map").at("tiles_drawn"), 0);
  EXPECT_EQ(shot.sidecar.at("map").at("credit"), "offline map: tiles off");
  EXPECT_TRUE(console::testing::same_colour(shot.image.at(static_cast<int>(transform.origin.x) + 3,
                                                         static_cast<int>(transform.origin.y + transform.size.y * 0.5)),
                                           console::draw::kFallbackBackground, 3));
}

// Tiles on, but their server cannot be reached (offline) and nothing is cached: the graticule is
// drawn, and the credit corner must not claim OpenStreetMap for it.
TEST_F(ConsoleScreenshot, WithoutAnyTileTheMapDoesNotCreditOpenStreetMap) {
  const Shot shot = shoot("no-tiles", "--city " + s_city_id + " --panel map --tile-url http://127.0.0.1:1/{z}/{x}/{y}.png");
  ASSERT_EQ(shot.exit_code, 0) << shot.log;
  EXPECT_EQ(shot.sidecar.at("map").at("tiles_enabled"), true);
  EXPECT_GT(shot.sidecar.at("map").at("tiles_visible").get<int>(), 0);
  EXPECT_EQ(shot.sidecar.at("map").at("tiles_drawn"), 0);
  EXPECT_EQ(shot.sidecar.at("map").at("credit"), "offline map: no tile loaded");
}

TEST_F(ConsoleScreenshot, ReplayAtThePlanningStageDrawsThePlannedTours) {
  const Shot shot = shoot("replay-planning", "--city " + s_city_id + " --replay-stage 3 --tile-url none");
  ASSERT_EQ(shot.exit_code, 0) << shot.log;
  EXPECT_EQ(shot.sidecar.at("replay").at("stage"), "Planning");
  int counted = 0;
  EXPECT_GE(stops_in_colour(shot, s_run.planned, counted), 0.7);
  EXPECT_GE(counted, 10);
}

TEST_F(ConsoleScreenshot, TableShowsEachVisibleStopsTourSwatch) {
  const Shot shot = shoot("table", "--city geonames:2735943 --panel table --tile-url none");
  ASSERT_EQ(shot.exit_code, 0) << shot.log;
  EXPECT_EQ(shot.sidecar.at("tab"), "Attractions");
  std::map<std::string, int> tour_of;
  for (const auto& tour : s_revision.tours) {
    for (const auto& stop : tour.stops) tour_of[stop.attraction_id] = tour.index;
  }
  const auto& swatches = shot.sidecar.at("table").at("swatches");
  ASSERT_GE(swatches.size(), 5u);
  for (const auto& swatch : swatches) {
    const std::string id = swatch.at("id");
    ASSERT_TRUE(tour_of.contains(id)) << id << " has a swatch but no tour";
    EXPECT_EQ(swatch.at("tour").get<int>(), tour_of[id]);
    const Vec2 centre{(swatch.at("x0").get<double>() + swatch.at("x1").get<double>()) / 2,
                      (swatch.at("y0").get<double>() + swatch.at("y1").get<double>()) / 2};
    EXPECT_GE(console::testing::count_colour(shot.image, centre, 3.0, console::draw::tour_colour(tour_of[id])), 20) << id;
  }
}

TEST_F(ConsoleScreenshot, AnUnknownCityFailsWithAReadableMessage) {
  const Shot shot = shoot("unknown", "--city geonames:1 --tile-url none");
  EXPECT_EQ(shot.exit_code, 1);
  EXPECT_NE(shot.log.find("no city \"geonames:1\""), std::string::npos) << shot.log;
}

}  // namespace
