#include "console/panels/map_panel.h"

#include <algorithm>
#include <cstdio>

#include <imgui_stdlib.h>

#include "console/draw/draw_map.h"
#include "console/draw/map_focus.h"
#include "console/draw/map_overlays.h"
#include "console/panels/widgets.h"

namespace console::panels {
namespace {

constexpr double kFitMarginPx = 40.0;
constexpr double kFindZoom = 16.5;
constexpr int kMaxBasemapLabels = 60;
constexpr double kHoverSlopPx = 3.0;
constexpr float kClickMaxDragSqr = 16.0f;

draw::Vec2 vec(ImVec2 v) {
  return {v.x, v.y};
}

draw::MapScene build_scene(const state::AppState& state, const draw::MapTransform& transform) {
  if (state::map_shows_replay(state)) {
    return draw::build_replay_scene(
        *state.replay.run, state.replay.timeline.frame(), transform, state.selected_id);
  }
  if (!state.city) return {};
  return draw::build_edit_scene(state.city->revision.attractions,
                                state.tours.preview().tours,
                                transform,
                                state.selected_id,
                                state.selected_tour);
}

}  // namespace

void MapPanel::draw_content(state::AppState& state, state::CommandSink&) {
  const bool replay = state::map_shows_replay(state);
  if (ImGui::Button("Fit")) state.map.fitted = false;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Frame the tours (or the selected tour)   F");
  if (!replay) draw_legend(state);
  if (!replay) draw_find(state);
  ImGui::SameLine();
  ImGui::TextColored(kMutedText, "z%.1f | %s", state.map.zoom, base_status(state));
  if (replay) {
    ImGui::SameLine();
    ImGui::Text("| replay: %s", state::replay_stage_label(state.replay.timeline.frame().stage));
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 50.0f);
  size.y = std::max(size.y, 50.0f);
  if (!state.map.fitted && state.city) fit_city(state, vec(size));
  ImGui::InvisibleButton("map_canvas", size, ImGuiButtonFlags_MouseButtonLeft);
  const draw::MapTransform transform = draw::make_transform(state.map, vec(origin), vec(size));
  const draw::MapScene scene = build_scene(state, transform);
  handle_input(state, transform, scene);
  // Input may have moved the view: draw with this frame's final transform.
  const draw::MapTransform final_transform =
      draw::make_transform(state.map, vec(origin), vec(size));
  m_record.scene = build_scene(state, final_transform);
  m_record.transform = final_transform;
  m_record.replay = replay;
  m_record.drawn = true;
  ImDrawList* list = ImGui::GetWindowDrawList();
  list->PushClipRect(origin, {origin.x + size.x, origin.y + size.y}, true);
  draw_canvas(list, state, final_transform, m_record.scene);
  list->PopClipRect();
  draw_tooltip(state);
}

void MapPanel::fit_city(state::AppState& state, draw::Vec2 size) {
  const std::vector<core::model::GeoPoint> points =
      draw::focus_points(state.city->revision.attractions,
                         state.tours.preview().tours,
                         state::map_shows_replay(state) ? -1 : state.selected_tour);
  const core::model::BoundingBox box =
      points.empty() ? state.city->city.viewport : draw::bounds_of(points);
  draw::fit(state.map, box, size, kFitMarginPx);
}

const char* MapPanel::base_status(const state::AppState& state) const {
  if (m_tiles.enabled() && m_record.tiles_drawn > 0) return m_tiles.status();
  if (state.basemap.map)
    return m_tiles.enabled() ? "no tiles: offline basemap" : "tiles off: offline basemap";
  return m_tiles.status();
}

void MapPanel::draw_find(state::AppState& state) {
  ImGui::SameLine();
  ImGui::SetNextItemWidth(150.0f);
  if (state.focus_find) {
    ImGui::SetKeyboardFocusHere();
    state.focus_find = false;
  }
  if (ImGui::InputTextWithHint("##find",
                               "find a stop (Ctrl+F)",
                               &state.find_query,
                               ImGuiInputTextFlags_EnterReturnsTrue)) {
    const std::string id = state::find_stop(state, state.find_query);
    if (id.empty()) {
      state::add_log(state, "no stop matches \"" + state.find_query + "\"");
    } else {
      state::show_attraction(state, id, kFindZoom);
    }
  }
  if (ImGui::IsItemActive() && !state.find_query.empty()) {
    const core::model::Attraction* match =
        state::find_attraction(state, state::find_stop(state, state.find_query));
    ImGui::SetTooltip(
        "%s", match ? ("Enter: " + core::model::effective_name(*match)).c_str() : "no match");
  }
}

void MapPanel::draw_legend(state::AppState& state) {
  // One button per tour: its colour, minutes and km. A click highlights the tour and zooms to it;
  // a second click shows every tour again.
  for (const core::model::Tour& tour : state.tours.preview().tours) {
    ImGui::SameLine();
    ImGui::PushID(tour.index);
    const draw::Rgba colour = draw::tour_colour(tour.index);
    const bool selected = state.selected_tour == tour.index;
    // Full colour with white text (readable on both themes); the highlighted tour is framed.
    const ImVec4 fill{colour.r / 255.0f, colour.g / 255.0f, colour.b / 255.0f, 1.0f};
    const bool dimmed = state.selected_tour >= 0 && !selected;
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4{fill.x, fill.y, fill.z, dimmed ? 0.45f : 1.0f});
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4{fill.x, fill.y, fill.z, 0.85f});
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{1, 1, 1, 1});
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4{0, 0, 0, 1});
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, selected ? 2.0f : 0.0f);
    char text[64];
    std::snprintf(text,
                  sizeof text,
                  "%d: %.0f min, %s",
                  tour.index + 1,
                  tour.total_minutes,
                  draw::format_distance(tour.walk_distance_m).c_str());
    if (ImGui::Button(text)) state::focus_tour(state, selected ? -1 : tour.index);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s\nclick: zoom to this tour   [ and ]: previous, next",
                        tour.title.c_str());
    ImGui::PopID();
  }
}

void MapPanel::handle_input(state::AppState& state,
                            const draw::MapTransform& transform,
                            const draw::MapScene& scene) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsItemHovered();
  state.hovered_id.clear();
  if (hovered) {
    if (const draw::Marker* marker = draw::hit_test(scene, vec(io.MousePos), kHoverSlopPx))
      state.hovered_id = marker->attraction_id;
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
    draw::pan(state.map, transform, vec(io.MouseDelta));
  }
  if (hovered && io.MouseWheel != 0.0f)
    draw::zoom_at(state.map, transform, vec(io.MousePos), io.MouseWheel);
  if (ImGui::IsItemDeactivated() &&
      io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < kClickMaxDragSqr) {
    // A click, not the end of a drag: select what is under the cursor (or clear the selection).
    state::select_attraction(state, state.hovered_id, !state.hovered_id.empty());
  }
}

void MapPanel::draw_canvas(ImDrawList* list,
                           const state::AppState& state,
                           const draw::MapTransform& transform,
                           const draw::MapScene& scene) {
  draw_base(list, state, transform);
  m_record.tiles_drawn = 0;
  m_record.tiles_visible = 0;
  if (m_tiles.enabled()) {
    std::vector<draw::TileQuad> quads;
    for (const draw::TilePlacement& tile : draw::visible_tiles(transform)) {
      ++m_record.tiles_visible;
      if (ImTextureID texture = m_tiles.texture(tile.id))
        quads.push_back({tile.min, tile.max, texture});
    }
    m_record.tiles_drawn = static_cast<int>(quads.size());
    draw::draw_tiles(list, quads);
  }
  draw::draw_scene(list, scene);
  draw::draw_scale_bar(list, transform);
  m_record.credit =
      draw::map_credit(m_tiles.enabled(), m_record.tiles_drawn, m_record.basemap_drawn);
  draw::draw_credit(list, transform, m_record.credit.c_str());
  if (!state.city) {
    const ImVec2 at{static_cast<float>(transform.origin.x) + 12.0f,
                    static_cast<float>(transform.origin.y) + 30.0f};
    list->AddText(at, draw::to_imgui(draw::kInkColour), "Open a city from the list on the left.");
  }
}

void MapPanel::draw_base(ImDrawList* list,
                         const state::AppState& state,
                         const draw::MapTransform& transform) {
  m_record.basemap_drawn = false;
  if (!state.basemap.map) {
    draw::draw_fallback(list, transform);
    return;
  }
  // The replay writes the filter's reasons on the map: street names would crowd them.
  const int max_labels = state::map_shows_replay(state) ? 0 : kMaxBasemapLabels;
  const draw::BasemapScene base = draw::build_basemap_scene(
      *state.basemap.map, transform, draw::basemap_style(state.settings.theme), max_labels);
  draw::draw_basemap(list, transform, base, m_filler, m_spans);
  m_record.basemap_drawn = true;
  m_record.basemap_level = base.zoom_level;
  m_record.basemap_areas = static_cast<int>(base.areas.size());
  m_record.basemap_lines = static_cast<int>(base.lines.size());
  m_record.basemap_labels = static_cast<int>(base.labels.size());
}

void MapPanel::draw_tooltip(const state::AppState& state) {
  if (state.hovered_id.empty()) return;
  const core::model::Attraction* a = state::find_attraction(state, state.hovered_id);
  if (!a) return;
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(core::model::effective_name(*a).c_str());
  ImGui::Separator();
  ImGui::Text("score %.0f   visit %d min   %s",
              core::model::effective_score(*a),
              core::model::effective_visit_minutes(*a),
              core::model::effective_included(*a) ? "included" : "excluded");
  ImGui::PushTextWrapPos(360.0f);
  const std::string& description = core::model::effective_description(*a);
  if (!description.empty()) ImGui::TextUnformatted(description.c_str());
  ImGui::TextColored(
      kMutedText, "filter: %s", a->reason.empty() ? "(no reason recorded)" : a->reason.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace console::panels
