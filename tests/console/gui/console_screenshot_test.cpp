// End to end: the real narrando-server on loopback (embedded data, SQLite, an editor key), Porto
// generated, then narrando-console --screenshot under X (Xvfb + Mesa llvmpipe in CI). The PNGs'
// pixels are checked where console_core's map transform puts the server's stops.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include <httplib.h>

#include "console/draw/basemap_scene.h"
#include "console/draw/map_overlays.h"
#include "console/draw/map_scene.h"
#include "console/draw/palette.h"
#include "shared/basemap/basemap_codec.h"
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
constexpr const char* kAppKey = "gui-test-app-key-0123456789abc";
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
        NARRANDO_SERVER_BINARY,
        std::map<std::string, std::string>{
            {"NARRANDO_DB", s_dir->file("narrando.db")},
            {"API_KEYS", std::string(kKey) + ":editor," + kAppKey + ":app"},
            {"HOST", "127.0.0.1"},
            {"WORKERS", "1"}});
    const auto generated = client().Post(
        "/api/generate-city", R"({"place_id": "geonames:2735943"})", "application/json");
    ASSERT_TRUE(generated && generated->status == 200)
        << (generated ? generated->body : "no answer");
    s_city_id = nlohmann::json::parse(generated->body).at("city_id").get<std::string>();
    const auto document = client().Get("/api/cities/" + s_city_id);
    ASSERT_TRUE(document && document->status == 200);
    auto city_document = nlohmann::json::parse(document->body).get<core::json::CityDocument>();
    s_city = std::move(city_document.city);
    s_revision = std::move(city_document.revision);
    const auto run = client().Get("/api/cities/" + s_city_id + "/runs/" + s_revision.job_id);
    ASSERT_TRUE(run && run->status == 200);
    s_run = nlohmann::json::parse(run->body).get<core::json::RunAnswer>().run;
    const auto basemap = client().Get("/api/cities/" + s_city_id + "/basemap");
    ASSERT_TRUE(basemap && basemap->status == 200);
    s_basemap = core::basemap::decode_basemap(std::span(
        reinterpret_cast<const std::uint8_t*>(basemap->body.data()), basemap->body.size()));
    // Brussels has no OpenStreetMap extract, so no basemap: the map falls back to its graticule.
    const auto brussels = client().Post(
        "/api/generate-city", R"({"place_id": "geonames:2800866"})", "application/json");
    ASSERT_TRUE(brussels && brussels->status == 200) << (brussels ? brussels->body : "no answer");
  }
  static void TearDownTestSuite() {
    s_server.reset();
    s_dir.reset();
  }
  void SetUp() override {
    if (std::getenv("DISPLAY") == nullptr) {
      if (std::getenv("NARRANDO_REQUIRE_DISPLAY"))
        FAIL() << "DISPLAY is unset; scripts/run-tests.sh starts Xvfb";
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
  static Shot
  shoot(const std::string& name, const std::string& args, const std::string& key = kKey) {
    const std::string png = s_dir->file(name + ".png");
    const std::string log = s_dir->file(name + ".log");
    const std::string command =
        "XDG_CONFIG_HOME=" + s_dir->file("config") + " XDG_CACHE_HOME=" + s_dir->file("cache") +
        " LIBGL_ALWAYS_SOFTWARE=1 " NARRANDO_CONSOLE_BINARY " --server http://127.0.0.1:" +
        std::to_string(s_server->port()) + " --key " + key + " --screenshot " + png + " " + args +
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
  static double
  stops_in_colour(const Shot& shot, const std::vector<core::model::Tour>& tours, int& counted) {
    const auto transform = console::testing::transform_from(shot.sidecar);
    int matched = 0;
    counted = 0;
    for (const core::model::Tour& tour : tours) {
      for (const core::model::TourStop& stop : tour.stops) {
        const Vec2 at = transform.to_screen(stop.location);
        if (!transform.contains(at)) continue;
        ++counted;
        if (console::testing::count_colour(
                shot.image, at, 6.0, console::draw::tour_colour(tour.index)) >= 3)
          ++matched;
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
  static inline core::basemap::Basemap s_basemap;
};

// Pixels of any tour colour in the canvas farther than `clearance` from every tour stop and leg.
int tour_colour_far_from_tours(const Image& image,
                               const console::draw::MapTransform& transform,
                               const std::vector<core::model::Tour>& tours,
                               double clearance,
                               int* tile_pixels,
                               int* sampled,
                               const nlohmann::json* sidecar = nullptr) {
  std::vector<std::pair<Vec2, Vec2>> segments;
  // Stops spread apart where they crowd are drawn where the sidecar says, off their true place.
  if (sidecar) {
    for (const auto& marker : sidecar->at("map").at("markers")) {
      const Vec2 at{marker.at("x").get<double>(), marker.at("y").get<double>()};
      segments.emplace_back(at, at);
    }
  }
  for (const auto& tour : tours) {
    for (const auto& leg : console::draw::leg_paths(tour)) {
      for (std::size_t i = 1; i < leg.size(); ++i)
        segments.emplace_back(transform.to_screen(leg[i - 1]), transform.to_screen(leg[i]));
    }
  }
  int found = 0;
  for (double y = transform.origin.y + 2; y < transform.origin.y + transform.size.y - 40; y += 3) {
    for (double x = transform.origin.x + 2; x < transform.origin.x + transform.size.x - 2; x += 3) {
      const Vec2 p{x, y};
      bool near = false;
      for (const auto& [a, b] : segments)
        near = near || console::testing::segment_distance(p, a, b) < clearance;
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
  console::testing::FakeTileServer tiles(
      console::testing::solid_png(kTileColour.r, kTileColour.g, kTileColour.b));
  const Shot shot =
      shoot("map", "--city geonames:2735943 --panel map --tile-url " + tiles.url_template());
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
  EXPECT_EQ(
      tour_colour_far_from_tours(
          shot.image, transform, s_revision.tours, 16.0, &tile_pixels, &sampled, &shot.sidecar),
      0);
  EXPECT_GT(tile_pixels, sampled / 2);
  EXPECT_GT(shot.sidecar.at("map").at("tiles_drawn").get<int>(), 0);
  EXPECT_EQ(shot.sidecar.at("map").at("tiles_drawn"), shot.sidecar.at("map").at("tiles_visible"));
  EXPECT_GT(tiles.served(), 0);
  // Tiles were drawn: the OpenStreetMap credit is on the map.
  EXPECT_EQ(shot.sidecar.at("map").at("credit"), "\xC2\xA9 OpenStreetMap contributors");
  for (const std::string& agent : tiles.agents())
    EXPECT_EQ(agent.rfind("NarrandoConsole/", 0), 0u) << agent;
}

TEST_F(ConsoleScreenshot, ReplayAtTheFilterStageShowsDecisionsAndNoTourYet) {
  const Shot shot =
      shoot("replay-filter", "--city " + s_city_id + " --replay-stage 2 --tile-url none");
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
    if (console::testing::count_colour(shot.image, at, 4.0, console::draw::kKeptColour) >= 3)
      ++kept_shown;
  }
  ASSERT_GE(kept, 20);
  EXPECT_GE(static_cast<double>(kept_shown) / kept, 0.8);
  // Planning has not run yet: no tour colour anywhere on the canvas (no clearance at all).
  EXPECT_EQ(tour_colour_far_from_tours(shot.image, transform, {}, 0.0, nullptr, nullptr), 0);
  // Tiles are off: the offline basemap is drawn under the replay, with its ODbL credit.
  EXPECT_EQ(shot.sidecar.at("map").at("tiles_drawn"), 0);
  EXPECT_EQ(shot.sidecar.at("map").at("basemap").at("drawn"), true);
  EXPECT_EQ(shot.sidecar.at("map").at("credit"), console::draw::kOfflineBasemapCredit);
}

// Tiles on, but their server cannot be reached (offline) and nothing is cached: Porto draws its
// offline basemap (credited as OpenStreetMap data under the ODbL); Brussels has none, so its
// graticule is drawn and the credit corner must not claim OpenStreetMap for it.
TEST_F(ConsoleScreenshot, WithoutAnyTileTheMapDrawsTheBasemapElseAGraticuleNotCreditedToOsm) {
  const std::string unreachable = " --panel map --tile-url http://127.0.0.1:1/{z}/{x}/{y}.png";
  const Shot porto = shoot("no-tiles", "--city " + s_city_id + unreachable);
  ASSERT_EQ(porto.exit_code, 0) << porto.log;
  EXPECT_EQ(porto.sidecar.at("map").at("tiles_enabled"), true);
  EXPECT_GT(porto.sidecar.at("map").at("tiles_visible").get<int>(), 0);
  EXPECT_EQ(porto.sidecar.at("map").at("tiles_drawn"), 0);
  EXPECT_EQ(porto.sidecar.at("map").at("basemap").at("drawn"), true);
  EXPECT_EQ(porto.sidecar.at("map").at("credit"), console::draw::kOfflineBasemapCredit);

  const Shot brussels = shoot("no-tiles-brussels", "--city geonames:2800866" + unreachable);
  ASSERT_EQ(brussels.exit_code, 0) << brussels.log;
  EXPECT_EQ(brussels.sidecar.at("map").at("basemap").at("drawn"), false);
  EXPECT_EQ(brussels.sidecar.at("map").at("credit"), "offline map: no tile loaded");
  const auto transform = console::testing::transform_from(brussels.sidecar);
  EXPECT_TRUE(console::testing::same_colour(
      brussels.image.at(static_cast<int>(transform.origin.x) + 3,
                        static_cast<int>(transform.origin.y + transform.size.y * 0.5)),
      console::draw::kFallbackBackground,
      3));
}

// True if `p` (grid units) is inside a water feature drawn at `level` (even-odd over its rings).
bool in_water(const core::basemap::Basemap& map, int level, core::basemap::GridPoint p) {
  for (const core::basemap::Feature& f : map.features) {
    if (f.kind != core::basemap::FeatureKind::Water || !console::draw::drawn_at(f, level) ||
        !f.box.intersects({p, p})) {
      continue;
    }
    bool inside = false;
    for (std::uint32_t k = 0; k < f.ring_count; ++k) {
      const auto ring = map.ring(f.first_ring + k);
      for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const double xi = ring[i].x, yi = ring[i].y, xj = ring[j].x, yj = ring[j].y;
        if ((yi > p.y) != (yj > p.y) && p.x < (xj - xi) * (p.y - yi) / (yj - yi) + xi)
          inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}

core::basemap::GridPoint grid_of(const console::draw::MapTransform& transform, Vec2 screen) {
  const auto world = transform.to_world(screen);
  return {static_cast<std::int32_t>(world.x * core::basemap::kGridScale),
          static_cast<std::int32_t>(world.y * core::basemap::kGridScale)};
}

// Offline, Porto shows the Douro: where the basemap's water is (well inside it, away from the
// tours), the screenshot is water-coloured, and it is water nowhere else far from it.
TEST_F(ConsoleScreenshot, OfflineBasemapShowsTheRiverWhereItIs) {
  const Shot shot = shoot("basemap", "--city " + s_city_id + " --panel map --tile-url none");
  ASSERT_EQ(shot.exit_code, 0) << shot.log;
  const auto& basemap = shot.sidecar.at("map").at("basemap");
  ASSERT_EQ(basemap.at("drawn"), true);
  EXPECT_GT(basemap.at("lines").get<int>(), 100);
  const int level = basemap.at("level").get<int>();
  const auto transform = console::testing::transform_from(shot.sidecar);
  const console::draw::Rgba water =
      console::draw::basemap_style(console::state::Theme::Light).water;
  std::vector<std::pair<Vec2, Vec2>> tours;
  for (const auto& tour : s_revision.tours) {
    for (const auto& leg : console::draw::leg_paths(tour)) {
      for (std::size_t i = 1; i < leg.size(); ++i)
        tours.emplace_back(transform.to_screen(leg[i - 1]), transform.to_screen(leg[i]));
    }
  }
  for (const auto& marker : shot.sidecar.at("map").at("markers")) {
    const Vec2 at{marker.at("x").get<double>(), marker.at("y").get<double>()};
    tours.emplace_back(at, at);
  }
  int water_samples = 0, water_shown = 0, land_samples = 0, land_as_water = 0;
  for (double y = transform.origin.y + 30; y < transform.origin.y + transform.size.y - 40; y += 7) {
    for (double x = transform.origin.x + 10; x < transform.origin.x + transform.size.x - 10;
         x += 7) {
      const Vec2 p{x, y};
      bool near_tour = false;
      for (const auto& [a, b] : tours)
        near_tour = near_tour || console::testing::segment_distance(p, a, b) < 16.0;
      if (near_tour) continue;
      // Well inside (or well outside): the pixel and its neighbours 4 px away agree.
      int inside = 0;
      for (const Vec2 d : {Vec2{0, 0}, Vec2{4, 0}, Vec2{-4, 0}, Vec2{0, 4}, Vec2{0, -4}})
        inside += in_water(s_basemap, level, grid_of(transform, p + d));
      const bool shows_water = console::testing::same_colour(
          shot.image.at(static_cast<int>(x), static_cast<int>(y)), water, 6);
      if (inside == 5) {
        ++water_samples;
        water_shown += shows_water;
      } else if (inside == 0) {
        ++land_samples;
        land_as_water += shows_water;
      }
    }
  }
  ASSERT_GE(water_samples, 150) << "the Douro is in view";
  std::printf(
      "[ measured ] water shown at %d of %d water samples; land shown as water at %d of %d\n",
      water_shown,
      water_samples,
      land_as_water,
      land_samples);
  // Labels ("Rio Douro") and bridges over the river cover a few water samples.
  EXPECT_GE(static_cast<double>(water_shown) / water_samples, 0.9);
  ASSERT_GE(land_samples, 1000);
  // Waterways drawn as lines (streams) are water-coloured too, off the water areas: a few.
  EXPECT_LE(static_cast<double>(land_as_water) / land_samples, 0.02);
}

// The tours walk the streets: beside each leg that follows the walking network (a path of more
// than its two ends), the basemap draws a street, footway, steps or square.
TEST_F(ConsoleScreenshot, LegsThatFollowTheNetworkRunAlongBasemapStreets) {
  const Shot shot =
      shoot("basemap-tour", "--city " + s_city_id + " --panel map --tile-url none --tour 1");
  ASSERT_EQ(shot.exit_code, 0) << shot.log;
  EXPECT_EQ(shot.sidecar.at("selected").at("tour"), 0);
  const auto transform = console::testing::transform_from(shot.sidecar);
  const auto& style = console::draw::basemap_style(console::state::Theme::Light);
  const std::vector<console::draw::Rgba> streets{style.street,
                                                 style.major_street,
                                                 style.casing,
                                                 style.footway,
                                                 style.steps,
                                                 style.square,
                                                 style.bridge_casing};
  const auto is_street = [&](Vec2 p) {
    const console::draw::Rgba pixel = shot.image.at(static_cast<int>(p.x), static_cast<int>(p.y));
    return std::any_of(streets.begin(), streets.end(), [&](const auto& c) {
      return console::testing::same_colour(pixel, c, 10);
    });
  };
  int sampled = 0;
  int beside_street = 0;
  const auto& tour = s_revision.tours.at(0);
  const auto legs = console::draw::leg_paths(tour);
  for (std::size_t l = 0; l < legs.size(); ++l) {
    if (legs[l].size() <= 2) continue;  // a straight leg (no network path) proves nothing
    for (std::size_t i = 1; i < legs[l].size(); ++i) {
      const Vec2 a = transform.to_screen(legs[l][i - 1]);
      const Vec2 b = transform.to_screen(legs[l][i]);
      const double length = std::hypot(b.x - a.x, b.y - a.y);
      if (length < 12.0) continue;
      const Vec2 unit = (b - a) * (1.0 / length);
      const Vec2 side{-unit.y, unit.x};
      for (double t = 6.0; t < length - 6.0; t += 10.0) {
        const Vec2 on = a + unit * t;
        if (!transform.contains(on)) continue;
        ++sampled;
        // Just beyond the highlighted leg's stroke (4.5 px), on either side.
        bool found = false;
        for (const double offset : {3.5, 4.5, -3.5, -4.5})
          found = found || is_street(on + side * offset);
        beside_street += found;
      }
    }
  }
  if (sampled == 0)
    GTEST_SKIP() << "the legs are straight lines: the pipeline does not route them on the walking "
                    "network yet";
  std::printf(
      "[ measured ] %d of %d leg samples beside a basemap street\n", beside_street, sampled);
  EXPECT_GE(static_cast<double>(beside_street) / sampled, 0.6) << sampled << " samples";
}

// The dark theme (a setting; --theme for one run) darkens the basemap as well as the panels.
TEST_F(ConsoleScreenshot, TheDarkThemeDrawsADarkBasemap) {
  const Shot shot =
      shoot("dark", "--city " + s_city_id + " --panel map --tile-url none --theme dark");
  ASSERT_EQ(shot.exit_code, 0) << shot.log;
  const auto transform = console::testing::transform_from(shot.sidecar);
  const auto& dark = console::draw::basemap_style(console::state::Theme::Dark);
  const auto& light = console::draw::basemap_style(console::state::Theme::Light);
  int sampled = 0, dark_base = 0, light_base = 0;
  for (double y = transform.origin.y + 30; y < transform.origin.y + transform.size.y - 40; y += 9) {
    for (double x = transform.origin.x + 10; x < transform.origin.x + transform.size.x - 10;
         x += 9) {
      const console::draw::Rgba pixel = shot.image.at(static_cast<int>(x), static_cast<int>(y));
      ++sampled;
      dark_base += console::testing::same_colour(pixel, dark.land, 4) ||
                   console::testing::same_colour(pixel, dark.water, 4);
      light_base += console::testing::same_colour(pixel, light.land, 4) ||
                    console::testing::same_colour(pixel, light.water, 4);
    }
  }
  EXPECT_GT(dark_base, sampled / 4);
  EXPECT_EQ(light_base, 0);
}

TEST_F(ConsoleScreenshot, AnAppKeyGetsAReadOnlyConsoleThatSaysSo) {
  const Shot editor =
      shoot("editor-access", "--city " + s_city_id + " --panel table --tile-url none");
  ASSERT_EQ(editor.exit_code, 0) << editor.log;
  EXPECT_EQ(editor.sidecar.at("access").at("editor"), true);
  EXPECT_EQ(editor.sidecar.at("access").at("read_only"), "");
  const Shot app =
      shoot("app-access", "--city " + s_city_id + " --panel table --tile-url none", kAppKey);
  ASSERT_EQ(app.exit_code, 0) << app.log;
  EXPECT_EQ(app.sidecar.at("access").at("editor"), false);
  EXPECT_NE(app.sidecar.at("access").at("read_only").get<std::string>().find("app key"),
            std::string::npos);
}

TEST_F(ConsoleScreenshot, ReplayAtThePlanningStageDrawsThePlannedTours) {
  const Shot shot =
      shoot("replay-planning", "--city " + s_city_id + " --replay-stage 3 --tile-url none");
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
    EXPECT_GE(console::testing::count_colour(
                  shot.image, centre, 3.0, console::draw::tour_colour(tour_of[id])),
              20)
        << id;
  }
}

TEST_F(ConsoleScreenshot, AnUnknownCityFailsWithAReadableMessage) {
  const Shot shot = shoot("unknown", "--city geonames:1 --tile-url none");
  EXPECT_EQ(shot.exit_code, 1);
  EXPECT_NE(shot.log.find("no city \"geonames:1\""), std::string::npos) << shot.log;
}

}  // namespace
