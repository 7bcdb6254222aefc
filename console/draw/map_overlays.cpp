#include "console/draw/map_overlays.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>

namespace console::draw {
namespace {

constexpr std::array<double, 21> kGraticuleStepsDeg{
    0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1,  0.2,
    0.5,    1.0,    2.0,    5.0,   10.0,  15.0,  30.0, 45.0, 90.0, 180.0};

// Liang-Barsky: the part [t0, t1] of the segment a + t * d (0 <= t <= 1) inside [lo, hi].
bool clip_segment(Vec2 a, Vec2 d, Vec2 lo, Vec2 hi, double& t0, double& t1) {
  t0 = 0.0;
  t1 = 1.0;
  const std::array<double, 4> p{-d.x, d.x, -d.y, d.y};
  const std::array<double, 4> q{a.x - lo.x, hi.x - a.x, a.y - lo.y, hi.y - a.y};
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == 0.0) {
      if (q[i] < 0.0) return false;  // parallel to this edge and outside it
      continue;
    }
    const double r = q[i] / p[i];
    if (p[i] < 0.0) {
      t0 = std::max(t0, r);
    } else {
      t1 = std::min(t1, r);
    }
  }
  return t0 < t1;
}

}  // namespace

std::vector<Dash> dash_segments(
    const std::vector<Vec2>& points, bool closed, double dash_px, Vec2 clip_min, Vec2 clip_max) {
  assert(dash_px > 0.0);
  std::vector<Dash> dashes;
  const std::size_t count = points.size();
  const std::size_t segments = count < 2 ? 0 : (closed ? count : count - 1);
  const double period = 2.0 * dash_px;
  for (std::size_t i = 0; i < segments; ++i) {
    const Vec2 a = points[i];
    const Vec2 d = points[(i + 1) % count] - a;
    const double length = std::hypot(d.x, d.y);
    double t0 = 0.0;
    double t1 = 0.0;
    if (length == 0.0 || !clip_segment(a, d, clip_min, clip_max, t0, t1)) continue;
    // Walk only the visible stretch [t0, t1], in pattern units measured from the segment's start.
    const double from = t0 * length;
    const double to = t1 * length;
    for (double start = std::floor(from / period) * period; start < to; start += period) {
      const double lo = std::max(start, from);
      const double hi = std::min(start + dash_px, to);
      if (hi > lo) dashes.push_back({a + d * (lo / length), a + d * (hi / length)});
    }
  }
  return dashes;
}

const char* map_credit(bool tiles_enabled, int tiles_drawn, bool basemap_drawn) {
  if (tiles_drawn > 0) return kOsmAttribution;
  if (basemap_drawn) return kOfflineBasemapCredit;
  return tiles_enabled ? "offline map: no tile loaded" : "offline map: tiles off";
}

std::vector<TilePlacement> visible_tiles(const MapTransform& transform) {
  const int z = std::clamp(static_cast<int>(std::lround(transform.zoom)), 0, kMaxTileZoom);
  const int n = 1 << z;
  const double tile_px = transform.scale() / n;
  const core::algo::WorldPoint top_left = transform.to_world(transform.origin);
  const core::algo::WorldPoint bottom_right = transform.to_world(transform.origin + transform.size);
  const auto index = [n](double world) {
    return std::clamp(static_cast<int>(std::floor(world * n)), 0, n - 1);
  };
  std::vector<TilePlacement> tiles;
  for (int y = index(top_left.y); y <= index(bottom_right.y); ++y) {
    for (int x = index(top_left.x); x <= index(bottom_right.x); ++x) {
      const Vec2 min = transform.to_screen(
          core::algo::WorldPoint{static_cast<double>(x) / n, static_cast<double>(y) / n});
      tiles.push_back({{z, x, y}, min, min + Vec2{tile_px, tile_px}});
    }
  }
  const Vec2 middle = transform.origin + transform.size * 0.5;
  const auto distance = [&](const TilePlacement& t) {
    const Vec2 c = (t.min + t.max) * 0.5 - middle;
    return c.x * c.x + c.y * c.y;
  };
  std::sort(tiles.begin(), tiles.end(), [&](const auto& a, const auto& b) {
    return distance(a) < distance(b);
  });
  if (tiles.size() > static_cast<std::size_t>(kMaxVisibleTiles)) tiles.resize(kMaxVisibleTiles);
  return tiles;
}

ScaleBar scale_bar(const MapTransform& transform, double max_pixels) {
  const double lat = core::algo::to_geo(transform.centre).lat_deg;
  const double metres_per_pixel = core::algo::metres_per_world_unit(lat) / transform.scale();
  const double budget = max_pixels * metres_per_pixel;
  double best = 0.0;
  for (double power = 1.0; power <= 1e7; power *= 10.0) {
    for (const double mantissa : {1.0, 2.0, 5.0}) {
      if (mantissa * power <= budget) best = mantissa * power;
    }
  }
  if (best == 0.0) best = 1.0;
  return {best, best / metres_per_pixel, format_distance(best)};
}

Graticule graticule(const MapTransform& transform, double min_spacing_px) {
  const double degrees_per_pixel = 360.0 / transform.scale();
  Graticule result;
  result.step_deg = kGraticuleStepsDeg.back();
  for (const double step : kGraticuleStepsDeg) {
    if (step / degrees_per_pixel >= min_spacing_px) {
      result.step_deg = step;
      break;
    }
  }
  const double step = result.step_deg;
  const core::model::GeoPoint north_west = core::algo::to_geo(transform.to_world(transform.origin));
  const core::model::GeoPoint south_east =
      core::algo::to_geo(transform.to_world(transform.origin + transform.size));
  // Integer multiples of the step: adding the step repeatedly would drift off the round values.
  const auto first = [step](double value) { return static_cast<long>(std::ceil(value / step)); };
  for (long i = first(north_west.lon_deg); static_cast<double>(i) * step <= south_east.lon_deg;
       ++i) {
    result.meridians_x.push_back(
        transform.to_screen(core::model::GeoPoint{0.0, static_cast<double>(i) * step}).x);
  }
  for (long i = first(south_east.lat_deg); static_cast<double>(i) * step <= north_west.lat_deg;
       ++i) {
    result.parallels_y.push_back(
        transform.to_screen(core::model::GeoPoint{static_cast<double>(i) * step, 0.0}).y);
  }
  return result;
}

std::string format_distance(double metres) {
  char text[32];
  if (metres >= 1000.0) {
    const double km = metres / 1000.0;
    std::snprintf(
        text, sizeof text, km >= 10.0 || km == std::floor(km) ? "%.0f km" : "%.1f km", km);
  } else {
    std::snprintf(text, sizeof text, "%.0f m", metres);
  }
  return text;
}

}  // namespace console::draw
