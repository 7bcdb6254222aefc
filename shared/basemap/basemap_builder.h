#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "shared/basemap/basemap.h"
#include "shared/model/geo_point.h"
#include "shared/routing/osm_input.h"

namespace core::basemap {

/// An OSM way as a polyline with its tags (what a reader hands the builder).
struct SourceLine {
  std::vector<model::GeoPoint> points;
  routing::OsmTags tags;
};

/// An OSM area (closed way or assembled multipolygon): outer and inner rings (first point not
/// repeated), filled even-odd, with its tags.
struct SourceArea {
  std::vector<std::vector<model::GeoPoint>> rings;
  routing::OsmTags tags;
};

/// Everything a reader found in the extracts, in file order.
struct BasemapSource {
  std::vector<SourceLine> lines;
  std::vector<SourceArea> areas;
};

/// A level of detail: features are stored simplified to one pixel at `tolerance_zoom` and shown
/// while min_zoom <= zoom < max_zoom.
struct DetailLevel {
  std::uint8_t min_zoom;
  std::uint8_t max_zoom;
  std::uint8_t tolerance_zoom;
};
/// The levels every basemap is built with: far (a city on one screen), middle, near.
inline constexpr std::array<DetailLevel, 3> kDetailLevels = {
    {{0, 13, 12}, {13, 15, 14}, {15, 30, 17}}};

/// What a build kept.
struct BasemapStats {
  std::array<std::size_t, kFeatureKindCount> features{};  ///< per kind, counting every level's copy
  std::size_t points = 0;
  std::size_t labels = 0;
  std::size_t dropped_tiny = 0;  ///< rings or lines under a pixel at their level, not stored
};

/// A built basemap and its statistics.
struct BuiltBasemap {
  Basemap basemap;
  BasemapStats stats;
};

/// Classifies, clips to `box`, simplifies per level and quantises the source; names the main
/// streets, squares and rivers (one label per name and kind, at the middle of its longest way).
/// Deterministic: the same source gives the same basemap.
BuiltBasemap
build_basemap(const BasemapSource& source, const model::BoundingBox& box, BasemapMetadata metadata);

}  // namespace core::basemap
