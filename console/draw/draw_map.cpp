#include "console/draw/draw_map.h"

#include <cstdio>

namespace console::draw {
namespace {

constexpr Rgba kPlateColour{255, 255, 255, 215};
constexpr float kPlatePadding = 4.0f;

float f(double value) {
  return static_cast<float>(value);
}

void draw_marker(ImDrawList* list, const Marker& marker) {
  const ImVec2 at = to_imgui(marker.at);
  const float radius = f(marker.radius);
  if (marker.selected) list->AddCircle(at, radius + 4.0f, to_imgui(kInkColour), 0, 3.0f);
  if (marker.filled) {
    list->AddCircleFilled(at, radius, to_imgui(marker.colour));
    // A thin dark rim keeps light markers readable on light tiles.
    list->AddCircle(
        at, radius, to_imgui(faded(kInkColour, marker.colour.a / 255.0 * 0.6)), 0, 1.0f);
  } else {
    list->AddCircle(at, radius, to_imgui(marker.colour), 0, 1.5f);
  }
  if (marker.selected) list->AddCircle(at, radius + 2.0f, to_imgui(kSelectionColour), 0, 2.0f);
  if (!marker.label.empty()) {
    const ImVec2 size = ImGui::CalcTextSize(marker.label.c_str());
    list->AddText(
        {at.x - size.x * 0.5f, at.y - size.y * 0.5f}, to_imgui(kLabelColour), marker.label.c_str());
  }
}

void plate_text(ImDrawList* list, ImVec2 corner, const char* text) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  list->AddRectFilled({corner.x - kPlatePadding, corner.y - kPlatePadding},
                      {corner.x + size.x + kPlatePadding, corner.y + size.y + kPlatePadding},
                      to_imgui(kPlateColour),
                      3.0f);
  list->AddText(corner, to_imgui(kInkColour), text);
}

}  // namespace

ImU32 to_imgui(Rgba colour) {
  return IM_COL32(colour.r, colour.g, colour.b, colour.a);
}

ImVec2 to_imgui(Vec2 point) {
  return {f(point.x), f(point.y)};
}

void draw_fallback(ImDrawList* list, const MapTransform& transform) {
  const ImVec2 min = to_imgui(transform.origin);
  const ImVec2 max = to_imgui(transform.origin + transform.size);
  list->AddRectFilled(min, max, to_imgui(kFallbackBackground));
  const Graticule grid = graticule(transform, 90.0);
  const ImU32 line = to_imgui(kGraticuleColour);
  for (const double x : grid.meridians_x) list->AddLine({f(x), min.y}, {f(x), max.y}, line, 1.0f);
  for (const double y : grid.parallels_y) list->AddLine({min.x, f(y)}, {max.x, f(y)}, line, 1.0f);
  char text[64];
  std::snprintf(text, sizeof text, "offline: graticule every %g\xC2\xB0", grid.step_deg);
  list->AddText({min.x + 8.0f, min.y + 8.0f}, to_imgui(faded(kInkColour, 0.6)), text);
}

namespace {

void draw_area(ImDrawList* list,
               const MapTransform& transform,
               const BasemapArea& area,
               SpanFiller& filler,
               std::vector<Span>& spans) {
  const ImU32 colour = to_imgui(area.colour);
  if (area.convex) {
    std::vector<ImVec2> points;
    points.reserve(area.points.size());
    for (const Vec2& p : area.points) points.push_back(to_imgui(p));
    list->AddConvexPolyFilled(points.data(), static_cast<int>(points.size()), colour);
    return;
  }
  spans.clear();
  filler.fill(
      area.points, area.ring_ends, transform.origin, transform.origin + transform.size, 1.0, spans);
  for (const Span& span : spans)
    list->AddRectFilled({f(span.x0), f(span.y)}, {f(span.x1), f(span.y + 1.0)}, colour);
}

void draw_line(ImDrawList* list, const BasemapLine& line, bool casing) {
  std::vector<ImVec2> points;
  points.reserve(line.points.size());
  for (const Vec2& p : line.points) points.push_back(to_imgui(p));
  const int count = static_cast<int>(points.size());
  if (casing) {
    list->AddPolyline(
        points.data(), count, to_imgui(line.casing), ImDrawFlags_None, f(line.casing_width));
  } else {
    list->AddPolyline(points.data(), count, to_imgui(line.colour), ImDrawFlags_None, f(line.width));
  }
}

}  // namespace

void draw_basemap(ImDrawList* list,
                  const MapTransform& transform,
                  const BasemapScene& scene,
                  SpanFiller& filler,
                  std::vector<Span>& spans) {
  list->AddRectFilled(to_imgui(transform.origin),
                      to_imgui(transform.origin + transform.size),
                      to_imgui(scene.background));
  for (const BasemapArea& area : scene.areas) draw_area(list, transform, area, filler, spans);
  // Casings under every fill, so crossings join; bridges after all, over what they cross.
  for (const bool bridges : {false, true}) {
    for (const BasemapLine& line : scene.lines) {
      if (line.bridge == bridges && line.casing_width > line.width) draw_line(list, line, true);
    }
    for (const BasemapLine& line : scene.lines) {
      if (line.bridge == bridges) draw_line(list, line, false);
    }
  }
  for (const BasemapLabel& label : scene.labels) {
    const ImVec2 size = ImGui::CalcTextSize(label.text.c_str());
    const ImVec2 corner{f(label.at.x) - size.x * 0.5f, f(label.at.y) - size.y * 0.5f};
    for (const ImVec2 offset : {ImVec2{-1, 0}, ImVec2{1, 0}, ImVec2{0, -1}, ImVec2{0, 1}}) {
      list->AddText(
          {corner.x + offset.x, corner.y + offset.y}, to_imgui(label.halo), label.text.c_str());
    }
    list->AddText(corner, to_imgui(label.colour), label.text.c_str());
  }
}

void draw_tiles(ImDrawList* list, const std::vector<TileQuad>& tiles) {
  for (const TileQuad& tile : tiles)
    list->AddImage(tile.texture, to_imgui(tile.min), to_imgui(tile.max));
}

void draw_scene(ImDrawList* list, const MapScene& scene) {
  for (const Path& path : scene.paths) {
    if (path.dash_px > 0.0) {
      // Only the dashes inside the clip rectangle (the canvas) are emitted.
      const ImVec2 clip_min = list->GetClipRectMin();
      const ImVec2 clip_max = list->GetClipRectMax();
      for (const Dash& dash : dash_segments(path.points,
                                            path.closed,
                                            path.dash_px,
                                            {clip_min.x, clip_min.y},
                                            {clip_max.x, clip_max.y})) {
        list->AddLine(
            to_imgui(dash.from), to_imgui(dash.to), to_imgui(path.colour), f(path.thickness));
      }
      continue;
    }
    std::vector<ImVec2> points;
    points.reserve(path.points.size());
    for (const Vec2& p : path.points) points.push_back(to_imgui(p));
    list->AddPolyline(points.data(),
                      static_cast<int>(points.size()),
                      to_imgui(path.colour),
                      path.closed ? ImDrawFlags_Closed : ImDrawFlags_None,
                      f(path.thickness));
  }
  for (const Arrow& arrow : scene.arrows) {
    list->AddTriangleFilled(
        to_imgui(arrow.tip), to_imgui(arrow.left), to_imgui(arrow.right), to_imgui(arrow.colour));
  }
  for (const Marker& marker : scene.markers) draw_marker(list, marker);
  for (const Caption& caption : scene.captions)
    list->AddText(to_imgui(caption.at), to_imgui(caption.colour), caption.text.c_str());
}

void draw_scale_bar(ImDrawList* list, const MapTransform& transform) {
  const ScaleBar bar = scale_bar(transform, 140.0);
  const float left = f(transform.origin.x) + 14.0f;
  const float bottom = f(transform.origin.y + transform.size.y) - 14.0f;
  const float right = left + f(bar.pixels);
  list->AddRectFilled({left - kPlatePadding, bottom - 24.0f},
                      {right + kPlatePadding, bottom + kPlatePadding},
                      to_imgui(kPlateColour),
                      3.0f);
  const ImU32 ink = to_imgui(kInkColour);
  list->AddLine({left, bottom}, {right, bottom}, ink, 2.0f);
  list->AddLine({left, bottom - 6.0f}, {left, bottom}, ink, 2.0f);
  list->AddLine({right, bottom - 6.0f}, {right, bottom}, ink, 2.0f);
  list->AddText({left + 2.0f, bottom - 21.0f}, ink, bar.label.c_str());
}

void draw_credit(ImDrawList* list, const MapTransform& transform, const char* text) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  const ImVec2 corner{f(transform.origin.x + transform.size.x) - size.x - 10.0f,
                      f(transform.origin.y + transform.size.y) - size.y - 8.0f};
  plate_text(list, corner, text);
}

}  // namespace console::draw
