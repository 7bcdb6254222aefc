#include "console/panels/tours_panel.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include <imgui.h>

#include "console/draw/map_overlays.h"
#include "console/draw/palette.h"
#include "console/panels/widgets.h"
#include "console/state/city_status.h"
#include "shared/json/model_json.h"

namespace console::panels {
namespace {

constexpr const char* kStopPayload = "NARRANDO_STOP";

/// What a dragged stop carries: where it comes from.
struct StopPayload {
  int tour = 0;
  int index = 0;
};

// Accepts a stop dropped on the last item; it lands before stop `index` of `tour`. Returns true
// when the arrangement changed.
bool drop_target(state::AppState& state, int tour, int index) {
  if (!ImGui::BeginDragDropTarget()) return false;
  bool moved = false;
  if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kStopPayload)) {
    StopPayload from{};
    std::memcpy(&from, payload->Data, sizeof from);
    state::before_edit(state, "");
    moved = state.tours.move(from.tour, from.index, tour, index);
  }
  ImGui::EndDragDropTarget();
  return moved;
}

// The stop's description lives on its attraction (an editor's edit shows without a replan).
void draw_description_tooltip(const state::AppState& state, const std::string& attraction_id) {
  const core::model::Attraction* a = state::find_attraction(state, attraction_id);
  if (a == nullptr || core::model::effective_description(*a).empty()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(360.0f);
  ImGui::TextUnformatted(core::model::effective_description(*a).c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace

void ToursPanel::draw_content(state::AppState& state, state::CommandSink& commands) {
  if (!state.city) {
    ImGui::TextColored(kMutedText, "%s", "No city open.");
    return;
  }
  if (!state.editor) ImGui::TextColored(kWarningText, "%s", state::read_only_reason(state).c_str());
  draw_toolbar(state, commands);
  const int count = static_cast<int>(state.tours.tours().size());
  if (count == 0) {
    // A problem, not a detail: the app would show this city with nothing to walk.
    ImGui::TextColored(
        kErrorText,
        "%s",
        "This revision has no tours: the app shows nothing to walk. Replan to plan them.");
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchSame;
  if (!ImGui::BeginTable("tours", count, flags)) return;
  for (int t = 0; t < count; ++t) {
    ImGui::TableNextColumn();
    ImGui::PushID(t);
    draw_tour_header(state, t);
    draw_stops(state, t);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void ToursPanel::draw_toolbar(state::AppState& state, state::CommandSink& commands) {
  const std::string& city_id = state.city->city.id;
  const bool dirty = state.tours.dirty();
  const state::TourPreview& preview = state.tours.preview();
  ImGui::BeginDisabled(!dirty || !preview.error.empty() || !state::can_edit(state));
  if (ImGui::Button("Save arrangement"))
    commands.push(state::SaveToursCommand{city_id, state.tours.edits()});
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!dirty);
  if (ImGui::Button("Revert")) {
    state::before_edit(state, "");
    state.tours.revert();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!preview.error.empty() || !state::can_edit(state));
  if (ImGui::Button("Replan")) {
    // The server replans the stored draft: an unsaved arrangement (and its locks) goes first.
    if (dirty) commands.push(state::SaveToursCommand{city_id, state.tours.edits()});
    commands.push(state::ReplanCommand{city_id});
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Plan again on the server; locked stops and frozen tours are kept.");
  ImGui::SameLine();
  const bool has_draft = state.city->city.draft_revision.has_value();
  ImGui::BeginDisabled(!has_draft || dirty || !state::can_edit(state));
  if (ImGui::Button("Publish...")) {
    state.publish = {};
    state.publish.open = true;
    commands.push(state::PublishCommand{city_id, true});
  }
  ImGui::EndDisabled();
  ImGui::EndDisabled();
  ImGui::SameLine();
  const core::model::Revision& revision = state.city->revision;
  ImGui::TextColored(kMutedText,
                     "revision %d (%s)%s",
                     revision.number,
                     core::model::to_string(revision.status),
                     dirty ? " - unsaved arrangement, totals estimated" : "");
  if (!preview.error.empty()) ImGui::TextColored(kErrorText, "%s", preview.error.c_str());
  for (const std::string& warning : preview.warnings)
    ImGui::TextColored(kWarningText, "%s", warning.c_str());
}

void ToursPanel::draw_tour_header(state::AppState& state, int t) {
  const auto& tours = state.tours.preview().tours;
  const core::model::Tour* tour =
      static_cast<std::size_t>(t) < tours.size() ? &tours[static_cast<std::size_t>(t)] : nullptr;
  swatch(draw::tour_colour(t), 14.0f);
  ImGui::SameLine();
  ImGui::TextUnformatted(tour ? tour->title.c_str() : "Tour");
  if (tour) {
    const double budget = tour->budget_minutes > 0 ? tour->budget_minutes : 1.0;
    ImGui::TextColored(kMutedText,
                       "%s, %.0f min walking + %d min visits",
                       draw::format_distance(tour->walk_distance_m).c_str(),
                       tour->walk_minutes,
                       tour->visit_minutes);
    char overlay[48];
    std::snprintf(
        overlay, sizeof overlay, "%.0f / %d min", tour->total_minutes, tour->budget_minutes);
    const bool over = tour->total_minutes > budget + 1e-9;
    if (over) ImGui::PushStyleColor(ImGuiCol_PlotHistogram, kErrorText);
    ImGui::ProgressBar(
        static_cast<float>(std::min(1.0, tour->total_minutes / budget)), {-1.0f, 0.0f}, overlay);
    if (over) ImGui::PopStyleColor();
  }
  bool order_locked = state.tours.tours()[static_cast<std::size_t>(t)].order_locked;
  ImGui::BeginDisabled(!state::can_edit(state));
  if (ImGui::Checkbox("keep this order", &order_locked)) {
    state::before_edit(state, "");
    state.tours.set_order_locked(t, order_locked);
  }
  ImGui::EndDisabled();
  ImGui::Separator();
}

void ToursPanel::draw_stops(state::AppState& state, int t) {
  const auto& stops = state.tours.tours()[static_cast<std::size_t>(t)].stops;
  const int count = static_cast<int>(state.tours.tours().size());
  const bool editable = state::can_edit(state);
  for (int i = 0; i < static_cast<int>(stops.size()); ++i) {
    const state::DraftStop& stop = stops[static_cast<std::size_t>(i)];
    ImGui::PushID(stop.attraction_id.c_str());
    bool locked = stop.locked;
    ImGui::BeginDisabled(!editable);
    if (ImGui::Checkbox("##lock", &locked)) {
      state::before_edit(state, "");
      state.tours.set_locked(t, i, locked);
    }
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lock: replanning keeps this stop in this tour.");
    ImGui::SameLine();
    const std::string label = std::to_string(i + 1) + ". " + stop.name;
    if (ImGui::Selectable(label.c_str(), state.selected_id == stop.attraction_id)) {
      state::select_attraction(state, stop.attraction_id, true);
    }
    const bool hovered = ImGui::IsItemHovered();
    if (editable && ImGui::BeginDragDropSource()) {
      const StopPayload payload{t, i};
      ImGui::SetDragDropPayload(kStopPayload, &payload, sizeof payload);
      ImGui::Text("move %s", stop.name.c_str());
      ImGui::EndDragDropSource();
    }
    bool moved = drop_target(state, t, i);
    if (!moved && editable && ImGui::BeginPopupContextItem("move")) {
      for (int other = 0; other < count; ++other) {
        if (other == t) continue;
        const std::string item = "Move to tour " + std::to_string(other + 1);
        if (ImGui::MenuItem(item.c_str())) {
          state::before_edit(state, "");
          const int end =
              static_cast<int>(state.tours.tours()[static_cast<std::size_t>(other)].stops.size());
          moved = state.tours.move(t, i, other, end);
        }
      }
      ImGui::EndPopup();
    }
    if (hovered && !moved && !ImGui::GetDragDropPayload())
      draw_description_tooltip(state, stop.attraction_id);
    ImGui::PopID();
    // A move changed the list under the loop: the next frame draws the new order.
    if (moved) break;
  }
  ImGui::TextColored(kMutedText, "%s", "(drop here to append)");
  drop_target(state, t, static_cast<int>(stops.size()));
}

}  // namespace console::panels
