#include "console/draw/map_transform.h"

#include <algorithm>
#include <cmath>

#include "shared/algo/geo.h"

namespace console::draw {
namespace {

// A wheel notch zooms by half a level: fine enough to frame a city, quick enough to cross a
// country.
constexpr double kZoomPerStep = 0.5;
constexpr double kPointZoom = 16.0;

double clamp_unit(double value) {
  return std::clamp(value, 0.0, 1.0);
}

}  // namespace

double MapTransform::scale() const {
  return kTileSizePx * std::exp2(zoom);
}

Vec2 MapTransform::to_screen(const core::algo::WorldPoint& world) const {
  const double k = scale();
  return {origin.x + size.x * 0.5 + (world.x - centre.x) * k,
          origin.y + size.y * 0.5 + (world.y - centre.y) * k};
}

Vec2 MapTransform::to_screen(const core::model::GeoPoint& point) const {
  return to_screen(core::algo::to_world(point));
}

core::algo::WorldPoint MapTransform::to_world(Vec2 screen) const {
  const double k = scale();
  return {centre.x + (screen.x - origin.x - size.x * 0.5) / k,
          centre.y + (screen.y - origin.y - size.y * 0.5) / k};
}

bool MapTransform::contains(Vec2 screen) const {
  return screen.x >= origin.x && screen.y >= origin.y && screen.x < origin.x + size.x &&
         screen.y < origin.y + size.y;
}

MapTransform make_transform(const state::MapView& view, Vec2 origin, Vec2 size) {
  return MapTransform{view.centre, view.zoom, origin, size};
}

void pan(state::MapView& view, const MapTransform& transform, Vec2 delta_px) {
  const double k = transform.scale();
  view.centre.x = clamp_unit(view.centre.x - delta_px.x / k);
  view.centre.y = clamp_unit(view.centre.y - delta_px.y / k);
}

void zoom_at(state::MapView& view, const MapTransform& transform, Vec2 cursor, double steps) {
  const core::algo::WorldPoint anchor = transform.to_world(cursor);
  const double zoom =
      std::clamp(view.zoom + steps * kZoomPerStep, state::kMinZoom, state::kMaxZoom);
  const double k = kTileSizePx * std::exp2(zoom);
  // Solve for the centre that puts `anchor` back under the cursor at the new scale.
  view.zoom = zoom;
  view.centre.x =
      clamp_unit(anchor.x - (cursor.x - transform.origin.x - transform.size.x * 0.5) / k);
  view.centre.y =
      clamp_unit(anchor.y - (cursor.y - transform.origin.y - transform.size.y * 0.5) / k);
}

void fit(state::MapView& view, const core::model::BoundingBox& box, Vec2 size, double margin_px) {
  const core::algo::WorldPoint north_west =
      core::algo::to_world({box.high.lat_deg, box.low.lon_deg});
  const core::algo::WorldPoint south_east =
      core::algo::to_world({box.low.lat_deg, box.high.lon_deg});
  view.centre = {(north_west.x + south_east.x) * 0.5, (north_west.y + south_east.y) * 0.5};
  const double width = south_east.x - north_west.x;
  const double height = south_east.y - north_west.y;
  const double usable_x = std::max(1.0, size.x - 2.0 * margin_px);
  const double usable_y = std::max(1.0, size.y - 2.0 * margin_px);
  double zoom = kPointZoom;
  if (width > 0.0 || height > 0.0) {
    // scale = usable / extent, and scale = 256 * 2^zoom.
    const double scale =
        std::min(width > 0.0 ? usable_x / width : 1e300, height > 0.0 ? usable_y / height : 1e300);
    zoom = std::log2(scale / kTileSizePx);
  }
  view.zoom = std::clamp(zoom, state::kMinZoom, state::kMaxZoom);
  view.fitted = true;
}

core::model::BoundingBox bounds_of(const std::vector<core::model::GeoPoint>& points) {
  return points.empty() ? core::model::BoundingBox{} : core::algo::bounding_box(points);
}

}  // namespace console::draw
