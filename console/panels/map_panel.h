#pragma once

#include <string>

#include <imgui.h>

#include "console/draw/basemap_scene.h"
#include "console/draw/fill_spans.h"
#include "console/draw/map_scene.h"
#include "console/draw/map_transform.h"
#include "console/panels/panel.h"
#include "shared/algo/web_mercator.h"

namespace console::panels {

/// Where the map gets tile textures from (the app's texture cache).
class TileLayer {
 public:
  virtual ~TileLayer() = default;
  /// False when tiles are turned off (tile URL "none"): only the offline fallback is drawn.
  virtual bool enabled() const = 0;
  /// The texture of `tile`, or null when it is not loaded yet (it is then asked for).
  virtual ImTextureID texture(const core::algo::TileId& tile) = 0;
  /// A short state for the toolbar ("tiles: 12 cached, offline ...").
  virtual const char* status() const = 0;
};

/// What the map drew in its last frame (for the headless sidecar and tests).
struct MapFrameRecord {
  bool drawn = false;
  bool replay = false;
  draw::MapTransform transform;
  int tiles_drawn = 0;
  int tiles_visible = 0;
  std::string credit;          ///< the credit line drawn (OpenStreetMap's only over drawn tiles)
  bool basemap_drawn = false;  ///< the offline basemap was drawn under the tiles
  int basemap_level = 0;       ///< its level of detail (integer zoom)
  int basemap_areas = 0;
  int basemap_lines = 0;
  int basemap_labels = 0;
  draw::MapScene scene;
};

/// The map canvas: Web Mercator with tiles (or the offline basemap, else a graticule), the city's
/// attractions and tours (or the replay frame), pan by drag, zoom at the cursor, fit, hover, click
/// to select.
class MapPanel : public Panel {
 public:
  explicit MapPanel(TileLayer& tiles) : m_tiles(tiles) {}
  void draw_content(state::AppState& state, state::CommandSink& commands) override;
  /// The last frame's record.
  const MapFrameRecord& record() const { return m_record; }

 private:
  void fit_city(state::AppState& state, draw::Vec2 size);
  void handle_input(state::AppState& state,
                    const draw::MapTransform& transform,
                    const draw::MapScene& scene);
  void draw_canvas(ImDrawList* list,
                   const state::AppState& state,
                   const draw::MapTransform& transform,
                   const draw::MapScene& scene);
  void draw_tooltip(const state::AppState& state);

  void draw_legend(state::AppState& state);
  void draw_find(state::AppState& state);
  const char* base_status(const state::AppState& state) const;
  void
  draw_base(ImDrawList* list, const state::AppState& state, const draw::MapTransform& transform);

  TileLayer& m_tiles;
  MapFrameRecord m_record;
  draw::SpanFiller m_filler;  // scratch of the basemap's polygon fill, kept between frames
  std::vector<draw::Span> m_spans;
};

}  // namespace console::panels
