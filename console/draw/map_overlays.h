#pragma once

#include <string>
#include <vector>

#include "console/draw/map_transform.h"
#include "shared/algo/web_mercator.h"

namespace console::draw {

/// Highest zoom the tile server is asked for (OpenStreetMap's limit).
inline constexpr int kMaxTileZoom = 19;
/// Upper bound of tiles drawn (and so fetched) per frame: a viewport, never an area.
inline constexpr int kMaxVisibleTiles = 96;

/// The OpenStreetMap credit (apis.md §6: visible, not behind a toggle).
inline constexpr const char* kOsmAttribution = "\xC2\xA9 OpenStreetMap contributors";

/// The credit of the offline basemap (a derived database of OpenStreetMap under the ODbL).
inline constexpr const char* kOfflineBasemapCredit =
    "\xC2\xA9 OpenStreetMap contributors, ODbL (offline basemap)";

/// The map's credit line: the OpenStreetMap credit when at least one tile was drawn this frame;
/// else the offline basemap's when it was drawn; otherwise only the graticule shows, and the line
/// says so (tiles off, or none loaded).
const char* map_credit(bool tiles_enabled, int tiles_drawn, bool basemap_drawn);

/// A tile and where it lands on screen.
struct TilePlacement {
  core::algo::TileId id;
  Vec2 min;  ///< top-left corner
  Vec2 max;  ///< bottom-right corner
};

/// The tiles covering the canvas at the integer zoom nearest to the view's, nearest to the canvas
/// centre first (fetch order). At most kMaxVisibleTiles.
std::vector<TilePlacement> visible_tiles(const MapTransform& transform);

/// A scale bar: a round ground distance and its length on screen.
struct ScaleBar {
  double metres = 0.0;
  double pixels = 0.0;
  std::string label;  ///< "200 m", "1 km"
};

/// The longest 1-2-5 round distance whose bar fits in `max_pixels`, measured at the latitude of
/// the canvas centre.
ScaleBar scale_bar(const MapTransform& transform, double max_pixels);

/// Graticule lines of the offline fallback, on screen.
struct Graticule {
  double step_deg = 0.0;
  std::vector<double> meridians_x;  ///< screen x of each meridian inside the canvas
  std::vector<double> parallels_y;  ///< screen y of each parallel inside the canvas
};

/// Meridians and parallels at a round step (in degrees) that keeps lines at least
/// `min_spacing_px` apart.
Graticule graticule(const MapTransform& transform, double min_spacing_px);

/// A straight piece of a dashed line, on screen.
struct Dash {
  Vec2 from;
  Vec2 to;
};

/// The dashes of the polyline `points` (closed: back to the first point too): dashes of `dash_px`
/// with gaps as long, restarting at each vertex, kept only where they lie inside the rectangle
/// [clip_min, clip_max], so a frame mostly off the canvas costs only its visible dashes.
/// Precondition: dash_px > 0.
std::vector<Dash> dash_segments(
    const std::vector<Vec2>& points, bool closed, double dash_px, Vec2 clip_min, Vec2 clip_max);

/// "1.2 km" or "350 m" for a walking distance in metres.
std::string format_distance(double metres);

}  // namespace console::draw
