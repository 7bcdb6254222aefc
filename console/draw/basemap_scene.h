#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "console/draw/map_transform.h"
#include "console/draw/palette.h"
#include "console/state/settings.h"
#include "shared/basemap/basemap.h"

namespace console::draw {

/// The colours of the offline basemap. Both themes keep clear of the tour colours.
struct BasemapStyle {
  Rgba land;
  Rgba water;
  Rgba park;
  Rgba square;
  Rgba building;
  Rgba waterway;
  Rgba coastline;
  Rgba railway;
  Rgba footway;
  Rgba steps;
  Rgba street;  ///< minor streets and streets
  Rgba major_street;
  Rgba casing;  ///< the edge drawn under streets
  Rgba bridge_casing;
  Rgba label;
  Rgba label_halo;
};

/// The basemap style of `theme`.
const BasemapStyle& basemap_style(state::Theme theme);

/// A filled feature on screen: its rings (points split at ring_ends), filled even-odd.
struct BasemapArea {
  std::vector<Vec2> points;
  std::vector<std::uint32_t> ring_ends;
  Rgba colour;
  bool convex = false;  ///< one convex ring: the draw list may fill it directly
};

/// A line feature on screen, drawn over a casing when casing_width > width.
struct BasemapLine {
  std::vector<Vec2> points;
  Rgba colour;
  double width = 1.0;
  Rgba casing;
  double casing_width = 0.0;
  bool bridge = false;  ///< drawn after every other line, over what it crosses
};

/// A street, square or river name, centred on `at`.
struct BasemapLabel {
  Vec2 at;
  std::string text;
  Rgba colour;
  Rgba halo;
};

/// The basemap of one frame in screen space (areas, then lines, then labels).
struct BasemapScene {
  Rgba background;
  std::vector<BasemapArea> areas;
  std::vector<BasemapLine> lines;
  std::vector<BasemapLabel> labels;
  int zoom_level = 0;  ///< the integer zoom the level of detail was chosen for
};

/// Characters (code points) of UTF-8 text.
std::size_t utf8_length(const std::string& text);

/// The integer zoom whose features a view at `zoom` draws.
int detail_zoom(double zoom);

/// True if `feature` is drawn at integer zoom `level` (min_zoom <= level < max_zoom).
bool drawn_at(const core::basemap::Feature& feature, int level);

/// The basemap features of the transform's level of detail that reach the canvas, projected, with
/// line widths growing with the zoom; the labels of that level that fit without covering each
/// other (at most `max_labels`, most important first; text width estimated at `char_px` per
/// character).
BasemapScene build_basemap_scene(const core::basemap::Basemap& basemap,
                                 const MapTransform& transform,
                                 const BasemapStyle& style,
                                 int max_labels = 80,
                                 double char_px = 7.0);

}  // namespace console::draw
