#include "console/draw/basemap_scene.h"

#include <gtest/gtest.h>

#include "console/draw/fill_spans.h"
#include "shared/basemap/basemap_builder.h"

namespace {

using console::draw::BasemapScene;
using console::draw::MapTransform;
using console::draw::Vec2;
namespace basemap = core::basemap;

// Around Porto's riverside: a river area, a primary and a residential street, a building.
basemap::Basemap sample() {
  basemap::BasemapSource source;
  source.areas.push_back({{{{41.138, -8.63}, {41.138, -8.60}, {41.141, -8.60}, {41.141, -8.63}}},
                          {{"natural", "water"}, {"name", "Rio Douro"}}});
  source.areas.push_back(
      {{{{41.1450, -8.6110}, {41.1450, -8.6105}, {41.1454, -8.6105}, {41.1454, -8.6110}}},
       {{"building", "yes"}}});
  source.lines.push_back(
      {{{41.142, -8.63}, {41.142, -8.60}}, {{"highway", "primary"}, {"name", "Avenida"}}});
  source.lines.push_back(
      {{{41.146, -8.62}, {41.146, -8.61}}, {{"highway", "residential"}, {"name", "Rua"}}});
  return basemap::build_basemap(source, {{41.13, -8.64}, {41.16, -8.59}}, {}).basemap;
}

MapTransform porto(double zoom, Vec2 size = {1000.0, 700.0}) {
  console::state::MapView view;
  view.centre = core::algo::to_world({41.143, -8.612});
  view.zoom = zoom;
  return console::draw::make_transform(view, {0.0, 0.0}, size);
}

int lines_wider_than(const BasemapScene& scene, double width) {
  return static_cast<int>(std::count_if(scene.lines.begin(),
                                        scene.lines.end(),
                                        [&](const auto& line) { return line.width > width; }));
}

TEST(BasemapScene, LevelOfDetailAddsMinorStreetsAndBuildingsWhenZoomingIn) {
  const basemap::Basemap map = sample();
  const auto& style = console::draw::basemap_style(console::state::Theme::Light);
  const BasemapScene far = console::draw::build_basemap_scene(map, porto(12.4), style);
  EXPECT_EQ(far.zoom_level, 12);
  EXPECT_EQ(far.areas.size(), 1u);  // the river only
  EXPECT_EQ(far.lines.size(), 1u);  // the primary street only
  const BasemapScene near = console::draw::build_basemap_scene(map, porto(16.0), style);
  EXPECT_EQ(near.areas.size(), 2u);  // and the building
  EXPECT_EQ(near.lines.size(), 2u);  // and the residential street
  EXPECT_EQ(near.areas[0].colour, style.water);
  // Streets widen with the zoom.
  EXPECT_GT(lines_wider_than(near, far.lines[0].width), 0);
}

TEST(BasemapScene, OnlyFeaturesReachingTheCanvasAreProjected) {
  const basemap::Basemap map = sample();
  console::state::MapView view;
  view.centre = core::algo::to_world({48.0, 2.0});  // far away from Porto
  view.zoom = 15.0;
  const MapTransform elsewhere = console::draw::make_transform(view, {0, 0}, {800, 600});
  const BasemapScene scene = console::draw::build_basemap_scene(
      map, elsewhere, console::draw::basemap_style(console::state::Theme::Dark));
  EXPECT_TRUE(scene.areas.empty());
  EXPECT_TRUE(scene.lines.empty());
  EXPECT_TRUE(scene.labels.empty());
  EXPECT_EQ(scene.background, console::draw::basemap_style(console::state::Theme::Dark).land);
}

TEST(BasemapScene, LabelsShowFromTheirZoomInsideTheCanvasWithoutOverlapping) {
  const basemap::Basemap map = sample();
  const auto& style = console::draw::basemap_style(console::state::Theme::Light);
  auto names = [](const BasemapScene& scene) {
    std::vector<std::string> out;
    for (const auto& label : scene.labels) out.push_back(label.text);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(names(console::draw::build_basemap_scene(map, porto(12.5), style)),
            (std::vector<std::string>{"Rio Douro"}));
  EXPECT_EQ(names(console::draw::build_basemap_scene(map, porto(16.2), style)),
            (std::vector<std::string>{"Avenida", "Rio Douro", "Rua"}));
  // A canvas too small for any label writes none; one label at most when labels are capped.
  EXPECT_TRUE(console::draw::build_basemap_scene(map, porto(16.2, {40, 40}), style).labels.empty());
  EXPECT_EQ(console::draw::build_basemap_scene(map, porto(16.2), style, 1).labels.size(), 1u);
  // Labels that would cover each other: only the first is written.
  basemap::Basemap crowded = map;
  crowded.labels = {{basemap::FeatureKind::Street, 0, map.labels[0].at, "One"},
                    {basemap::FeatureKind::Street, 0, map.labels[0].at, "Two"}};
  EXPECT_EQ(names(console::draw::build_basemap_scene(crowded, porto(16.2), style)),
            (std::vector<std::string>{"One"}));
}

TEST(FillSpans, EvenOddFillLeavesHolesAndHandlesConcaveRings) {
  // A 10x10 square with a 4x4 hole, on rows of 1 px.
  const std::vector<Vec2> points{
      {0, 0}, {10, 0}, {10, 10}, {0, 10}, {3, 3}, {7, 3}, {7, 7}, {3, 7}};
  const std::vector<std::uint32_t> ends{4, 8};
  console::draw::SpanFiller filler;
  std::vector<console::draw::Span> spans;
  filler.fill(points, ends, {-100, -100}, {100, 100}, 1.0, spans);
  double area = 0.0;
  for (const auto& span : spans) area += span.x1 - span.x0;
  EXPECT_NEAR(area, 100.0 - 16.0, 1e-9);
  // Row 5 crosses the hole: two spans; row 1 does not: one.
  EXPECT_EQ(std::count_if(spans.begin(), spans.end(), [](const auto& s) { return s.y == 5.0; }), 2);
  EXPECT_EQ(std::count_if(spans.begin(), spans.end(), [](const auto& s) { return s.y == 1.0; }), 1);
  // Clipped to the canvas.
  spans.clear();
  filler.fill(points, ends, {5, 5}, {8, 8}, 1.0, spans);
  for (const auto& span : spans) {
    EXPECT_GE(span.x0, 5.0);
    EXPECT_LE(span.x1, 8.0);
    EXPECT_GE(span.y, 5.0);
  }
  // An L shape is concave; a square is convex.
  EXPECT_FALSE(
      console::draw::is_convex(std::vector<Vec2>{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}}));
  EXPECT_TRUE(console::draw::is_convex(std::vector<Vec2>{{0, 0}, {2, 0}, {2, 2}, {0, 2}}));
}

}  // namespace
