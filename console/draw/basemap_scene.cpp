#include "console/draw/basemap_scene.h"

#include <algorithm>
#include <cmath>

#include "console/draw/fill_spans.h"

namespace console::draw {
namespace {

using core::basemap::Basemap;
using core::basemap::Feature;
using core::basemap::FeatureKind;
using core::basemap::GridBox;
using core::basemap::GridPoint;

constexpr BasemapStyle kLight{{242, 239, 233, 255},
                              {160, 200, 226, 255},
                              {200, 228, 180, 255},
                              {228, 226, 236, 255},
                              {212, 202, 192, 255},
                              {160, 200, 226, 255},
                              {110, 150, 185, 255},
                              {150, 150, 156, 255},
                              {214, 160, 150, 255},
                              {190, 120, 110, 255},
                              {255, 255, 255, 255},
                              {250, 222, 170, 255},
                              {200, 194, 186, 255},
                              {95, 90, 85, 255},
                              {70, 66, 62, 255},
                              {255, 255, 255, 230}};
constexpr BasemapStyle kDark{{38, 41, 46, 255},
                             {28, 52, 78, 255},
                             {36, 58, 44, 255},
                             {52, 52, 62, 255},
                             {58, 58, 64, 255},
                             {28, 52, 78, 255},
                             {70, 110, 150, 255},
                             {95, 95, 105, 255},
                             {110, 84, 80, 255},
                             {140, 100, 92, 255},
                             {78, 82, 90, 255},
                             {120, 104, 72, 255},
                             {30, 32, 36, 255},
                             {170, 170, 176, 255},
                             {205, 205, 210, 255},
                             {20, 22, 26, 220}};

struct LineLook {
  double width_at_15;  ///< pixels at zoom 15; halves per zoom level below, doubles above
  double min_width;
  bool cased;
};

LineLook look_of(FeatureKind kind) {
  switch (kind) {
  case FeatureKind::MajorStreet: return {7.0, 1.2, true};
  case FeatureKind::Street: return {6.0, 1.0, true};
  case FeatureKind::MinorStreet: return {4.0, 0.8, true};
  case FeatureKind::Footway: return {1.6, 1.0, false};
  case FeatureKind::Steps: return {2.2, 1.2, false};
  case FeatureKind::Railway: return {1.6, 1.0, false};
  case FeatureKind::Waterway: return {4.0, 1.0, false};
  default: return {1.5, 1.0, false};  // coastline
  }
}

Rgba line_colour(FeatureKind kind, const BasemapStyle& style) {
  switch (kind) {
  case FeatureKind::MajorStreet: return style.major_street;
  case FeatureKind::Street:
  case FeatureKind::MinorStreet: return style.street;
  case FeatureKind::Footway: return style.footway;
  case FeatureKind::Steps: return style.steps;
  case FeatureKind::Railway: return style.railway;
  case FeatureKind::Waterway: return style.waterway;
  default: return style.coastline;
  }
}

Rgba area_colour(FeatureKind kind, const BasemapStyle& style) {
  switch (kind) {
  case FeatureKind::Water: return style.water;
  case FeatureKind::Park: return style.park;
  case FeatureKind::Square: return style.square;
  default: return style.building;
  }
}

// Grid points to screen, and the visible part of the world in grid units.
struct GridProjection {
  double scale;  ///< pixels per grid unit
  double offset_x;
  double offset_y;
  GridBox view;

  explicit GridProjection(const MapTransform& t) {
    scale = t.scale() / core::basemap::kGridScale;
    offset_x = t.origin.x + t.size.x * 0.5 - t.centre.x * t.scale();
    offset_y = t.origin.y + t.size.y * 0.5 - t.centre.y * t.scale();
    const core::algo::WorldPoint low = t.to_world(t.origin);
    const core::algo::WorldPoint high = t.to_world(t.origin + t.size);
    view.add(grid(low));
    view.add(grid(high));
  }
  static GridPoint grid(const core::algo::WorldPoint& w) {
    return {static_cast<std::int32_t>(std::floor(w.x * core::basemap::kGridScale)),
            static_cast<std::int32_t>(std::floor(w.y * core::basemap::kGridScale))};
  }
  Vec2 screen(const GridPoint& p) const { return {offset_x + p.x * scale, offset_y + p.y * scale}; }
};

void add_area(const Basemap& map,
              const Feature& f,
              const GridProjection& projection,
              const BasemapStyle& style,
              BasemapScene& scene) {
  BasemapArea area;
  area.colour = area_colour(f.kind, style);
  for (std::uint32_t k = 0; k < f.ring_count; ++k) {
    for (const GridPoint& p : map.ring(f.first_ring + k))
      area.points.push_back(projection.screen(p));
    area.ring_ends.push_back(static_cast<std::uint32_t>(area.points.size()));
  }
  area.convex = f.ring_count == 1 && is_convex(area.points);
  scene.areas.push_back(std::move(area));
}

void add_line(const Basemap& map,
              const Feature& f,
              const GridProjection& projection,
              double zoom,
              const BasemapStyle& style,
              BasemapScene& scene) {
  const LineLook look = look_of(f.kind);
  const double width = std::max(look.min_width, look.width_at_15 * std::pow(2.0, zoom - 15.0));
  const bool tunnel = (f.flags & core::basemap::kTunnel) != 0;
  const bool bridge = (f.flags & core::basemap::kBridge) != 0;
  BasemapLine line;
  line.colour = tunnel ? faded(line_colour(f.kind, style), 0.45) : line_colour(f.kind, style);
  line.width = width;
  line.bridge = bridge && !tunnel;
  if (look.cased && !tunnel) {
    line.casing = line.bridge ? style.bridge_casing : style.casing;
    line.casing_width = width + (line.bridge ? 3.0 : 1.5);
  }
  for (std::uint32_t k = 0; k < f.ring_count; ++k) {
    line.points.clear();
    for (const GridPoint& p : map.ring(f.first_ring + k))
      line.points.push_back(projection.screen(p));
    scene.lines.push_back(line);
  }
}

// Labels of the level, most important first, each where no earlier one is.
void add_labels(const Basemap& map,
                const MapTransform& transform,
                const GridProjection& projection,
                int level,
                const BasemapStyle& style,
                int max_labels,
                double char_px,
                BasemapScene& scene) {
  struct Box {
    double x0, y0, x1, y1;
  };
  std::vector<Box> taken;
  constexpr double kLineHeight = 14.0;
  constexpr double kGap = 6.0;
  for (const core::basemap::Label& label : map.labels) {
    if (static_cast<int>(scene.labels.size()) >= max_labels) break;
    if (label.min_zoom > level) continue;
    const Vec2 at = projection.screen(label.at);
    const double half_width = static_cast<double>(utf8_length(label.text)) * char_px * 0.5;
    const Box box{at.x - half_width - kGap,
                  at.y - kLineHeight * 0.5 - kGap,
                  at.x + half_width + kGap,
                  at.y + kLineHeight * 0.5 + kGap};
    if (box.x0 < transform.origin.x || box.y0 < transform.origin.y ||
        box.x1 > transform.origin.x + transform.size.x ||
        box.y1 > transform.origin.y + transform.size.y) {
      continue;
    }
    const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const Box& other) {
      return box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 && other.y0 < box.y1;
    });
    if (overlaps) continue;
    taken.push_back(box);
    scene.labels.push_back({at, label.text, style.label, style.label_halo});
  }
}

}  // namespace

std::size_t utf8_length(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

const BasemapStyle& basemap_style(state::Theme theme) {
  return theme == state::Theme::Dark ? kDark : kLight;
}

int detail_zoom(double zoom) {
  return static_cast<int>(std::floor(zoom + 1e-9));
}

bool drawn_at(const Feature& feature, int level) {
  return feature.min_zoom <= level && level < feature.max_zoom;
}

BasemapScene build_basemap_scene(const Basemap& basemap,
                                 const MapTransform& transform,
                                 const BasemapStyle& style,
                                 int max_labels,
                                 double char_px) {
  BasemapScene scene;
  scene.background = style.land;
  scene.zoom_level = detail_zoom(transform.zoom);
  const GridProjection projection(transform);
  for (const Feature& f : basemap.features) {
    if (!drawn_at(f, scene.zoom_level) || !f.box.intersects(projection.view)) continue;
    if (core::basemap::is_area(f.kind)) {
      add_area(basemap, f, projection, style, scene);
    } else {
      add_line(basemap, f, projection, transform.zoom, style, scene);
    }
  }
  add_labels(basemap, transform, projection, scene.zoom_level, style, max_labels, char_px, scene);
  return scene;
}

}  // namespace console::draw
