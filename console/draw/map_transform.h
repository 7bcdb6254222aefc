#pragma once

#include <vector>

#include "console/state/map_view.h"
#include "shared/algo/web_mercator.h"
#include "shared/model/geo_point.h"

namespace console::draw {

/// A screen position or offset in pixels (x to the right, y downwards).
struct Vec2 {
  double x = 0.0;
  double y = 0.0;

  friend Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
  friend Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
  friend Vec2 operator*(Vec2 a, double k) { return {a.x * k, a.y * k}; }
  friend bool operator==(const Vec2&, const Vec2&) = default;
};

/// Pixel size of a slippy-map tile.
inline constexpr double kTileSizePx = 256.0;

/// One frame's mapping between Web Mercator world units and the canvas pixels: computed once per
/// frame from the MapView and the canvas rectangle, then passed by const reference.
struct MapTransform {
  core::algo::WorldPoint centre;  ///< world point at the canvas centre
  double zoom = 0.0;
  Vec2 origin;  ///< canvas top-left corner on screen
  Vec2 size;    ///< canvas size in pixels

  /// Pixels per world unit: 256 * 2^zoom.
  double scale() const;
  /// Screen position of a world point.
  Vec2 to_screen(const core::algo::WorldPoint& world) const;
  /// Screen position of a WGS84 point.
  Vec2 to_screen(const core::model::GeoPoint& point) const;
  /// World point under a screen position (inverse of to_screen).
  core::algo::WorldPoint to_world(Vec2 screen) const;
  /// True if `screen` lies inside the canvas rectangle.
  bool contains(Vec2 screen) const;
};

/// The transform of `view` on a canvas at `origin` of `size` pixels.
MapTransform make_transform(const state::MapView& view, Vec2 origin, Vec2 size);

/// Moves the view so the map follows a drag of `delta_px` (the content moves with the cursor).
void pan(state::MapView& view, const MapTransform& transform, Vec2 delta_px);

/// Zooms by `steps` (one wheel notch = one step = a factor 2^0.5) keeping the world point under
/// `cursor` where it is on screen. Zoom is clamped to [kMinZoom, kMaxZoom].
void zoom_at(state::MapView& view, const MapTransform& transform, Vec2 cursor, double steps);

/// Centres `box` and picks the largest zoom at which it fits in `size` minus `margin_px` on every
/// side. A degenerate box (a point) gets zoom 16. Marks the view as fitted.
void fit(state::MapView& view, const core::model::BoundingBox& box, Vec2 size, double margin_px);

/// The smallest box holding every point (an empty list gives a zero box at 0,0).
core::model::BoundingBox bounds_of(const std::vector<core::model::GeoPoint>& points);

}  // namespace console::draw
