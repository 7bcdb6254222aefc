#include "shared/basemap/basemap_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "shared/basemap/osm_classes.h"

namespace core::basemap {
namespace {

const model::BoundingBox kBox{{41.13, -8.64}, {41.16, -8.59}};

// A wiggly street: many points, some a few centimetres off the line.
SourceLine wiggly_street(const char* highway) {
  SourceLine line{{}, {{"highway", highway}, {"name", "Rua Longa"}}};
  for (int i = 0; i <= 200; ++i) line.points.push_back({41.14 + (i % 2) * 1e-7, -8.63 + i * 1e-4});
  return line;
}

std::size_t points_of(const Basemap& map, const Feature& f) {
  std::size_t total = 0;
  for (std::uint32_t k = 0; k < f.ring_count; ++k) total += map.ring(f.first_ring + k).size();
  return total;
}

TEST(BasemapBuilder, StoresOneCopyPerLevelFromTheKindsFirstZoomSimplified) {
  BasemapSource source;
  source.lines.push_back(wiggly_street("primary"));      // shown at every zoom: three levels
  source.lines.push_back(wiggly_street("residential"));  // from zoom 14: the middle and near levels
  const Basemap map = build_basemap(source, kBox, {}).basemap;
  std::vector<const Feature*> major, minor;
  for (const Feature& f : map.features)
    (f.kind == FeatureKind::MajorStreet ? major : minor).push_back(&f);
  ASSERT_EQ(major.size(), kDetailLevels.size());
  ASSERT_EQ(minor.size(), 2u);
  EXPECT_EQ(minor[0]->min_zoom, 14);
  EXPECT_EQ(minor[0]->max_zoom, 15);
  EXPECT_EQ(minor[1]->min_zoom, 15);
  // A straight street with centimetre wiggles keeps its two ends only.
  for (const Feature* f : major) EXPECT_EQ(points_of(map, *f), 2u);
  // Sorted in drawing order: minor streets under major ones.
  EXPECT_LT(std::find(map.features.begin(), map.features.end(), *minor[0]),
            std::find(map.features.begin(), map.features.end(), *major[0]));
}

TEST(BasemapBuilder, ClipsToTheBoxAndDropsWhatIsOutside) {
  BasemapSource source;
  source.lines.push_back({{{41.10, -8.70}, {41.11, -8.69}}, {{"highway", "primary"}}});  // outside
  source.lines.push_back(
      {{{41.14, -8.70}, {41.14, -8.60}}, {{"highway", "primary"}}});  // crosses the west edge
  source.areas.push_back(
      {{{{41.0, -9.0}, {41.0, -8.0}, {42.0, -8.0}, {42.0, -9.0}}}, {{"natural", "water"}}});
  const Basemap map = build_basemap(source, kBox, {}).basemap;
  for (const GridPoint& p : map.points) {
    EXPECT_GE(p.x, map.bounds.low.x);
    EXPECT_LE(p.x, map.bounds.high.x);
    EXPECT_GE(p.y, map.bounds.low.y);
    EXPECT_LE(p.y, map.bounds.high.y);
  }
  const auto lines = std::count_if(map.features.begin(), map.features.end(), [](const Feature& f) {
    return f.kind == FeatureKind::MajorStreet;
  });
  EXPECT_EQ(lines, static_cast<long>(kDetailLevels.size()));  // one street, each level
  // The water covering everything becomes the box itself.
  const auto water = std::find_if(map.features.begin(), map.features.end(), [](const Feature& f) {
    return f.kind == FeatureKind::Water;
  });
  ASSERT_NE(water, map.features.end());
  EXPECT_EQ(water->box, map.bounds);
}

TEST(BasemapBuilder, LabelsOnePerNameAtTheMiddleOfTheLongestWay) {
  BasemapSource source;
  source.lines.push_back(
      {{{41.14, -8.63}, {41.14, -8.62}}, {{"highway", "secondary"}, {"name", "Rua A"}}});
  source.lines.push_back(
      {{{41.15, -8.63}, {41.15, -8.60}}, {{"highway", "secondary"}, {"name", "Rua A"}}});
  source.lines.push_back(
      {{{41.15, -8.63}, {41.15, -8.60}}, {{"highway", "steps"}, {"name", "Escadas"}}});
  const Basemap map = build_basemap(source, kBox, {}).basemap;
  ASSERT_EQ(map.labels.size(), 1u);  // steps are not named on the map
  EXPECT_EQ(map.labels[0].text, "Rua A");
  EXPECT_EQ(map.labels[0].at, to_grid(41.15, -8.615));
  EXPECT_EQ(map.labels[0].min_zoom, label_zoom_of(FeatureKind::Street));
}

TEST(BasemapBuilder, NamesARiverButNotAFountain) {
  BasemapSource source;
  source.areas.push_back({{{{41.138, -8.63}, {41.138, -8.60}, {41.141, -8.60}, {41.141, -8.63}}},
                          {{"natural", "water"}, {"name", "Rio"}}});
  source.areas.push_back(
      {{{{41.150, -8.611}, {41.150, -8.6109}, {41.1501, -8.6109}, {41.1501, -8.611}}},
       {{"natural", "water"}, {"name", "Chafariz"}}});
  source.lines.push_back(
      {{{41.14, -8.63}, {41.15, -8.62}}, {{"waterway", "stream"}, {"name", "Ribeira"}}});
  const Basemap map = build_basemap(source, kBox, {}).basemap;
  ASSERT_EQ(map.labels.size(), 1u);  // the stream is drawn, not named
  EXPECT_EQ(map.labels[0].text, "Rio");
}

}  // namespace
}  // namespace core::basemap
