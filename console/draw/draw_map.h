#pragma once

#include <vector>

#include <imgui.h>

#include "console/draw/basemap_scene.h"
#include "console/draw/fill_spans.h"
#include "console/draw/map_overlays.h"
#include "console/draw/map_scene.h"
#include "console/draw/map_transform.h"
#include "console/draw/palette.h"

namespace console::draw {

/// `colour` packed for ImGui.
ImU32 to_imgui(Rgba colour);
/// `point` as an ImVec2.
ImVec2 to_imgui(Vec2 point);

/// A tile texture placed on the canvas.
struct TileQuad {
  Vec2 min;
  Vec2 max;
  ImTextureID texture = nullptr;
};

/// The offline fallback under everything: a flat background and a graticule with degree labels.
void draw_fallback(ImDrawList* list, const MapTransform& transform);
/// The offline basemap instead of the fallback: its land colour, filled areas (convex rings
/// directly, others by scanline spans), cased lines with bridges last, and haloed labels.
void draw_basemap(ImDrawList* list,
                  const MapTransform& transform,
                  const BasemapScene& scene,
                  SpanFiller& filler,
                  std::vector<Span>& spans);
/// Tile images over the fallback (missing tiles leave it visible).
void draw_tiles(ImDrawList* list, const std::vector<TileQuad>& tiles);
/// The scene's paths (dashed ones only within the list's clip rectangle), arrows, markers and
/// captions, in that order.
void draw_scene(ImDrawList* list, const MapScene& scene);
/// A scale bar in the canvas's bottom-left corner.
void draw_scale_bar(ImDrawList* list, const MapTransform& transform);
/// `text` on a light plate in the canvas's bottom-right corner.
void draw_credit(ImDrawList* list, const MapTransform& transform, const char* text);

}  // namespace console::draw
