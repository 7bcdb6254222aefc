#include "console/panels/attractions_panel.h"

#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "console/draw/palette.h"
#include "console/panels/stop_panel.h"
#include "console/panels/widgets.h"
#include "console/state/city_status.h"

namespace console::panels {
namespace {

using state::AttractionField;

constexpr float kSwatchSize = 12.0f;
constexpr float kStopPanelWidth = 300.0f;
constexpr const char* kFilters[] = {"all", "included", "excluded", "edited"};

// The column ids double as sort keys.
enum Column : ImGuiID { kMark, kIncluded, kName, kDescription, kMinutes, kScore, kTour, kReason };

void field_error(const state::DraftRow& row, AttractionField field) {
  const std::string& error = row.errors[static_cast<std::size_t>(field)];
  if (error.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(kErrorText, "%s", error.c_str());
  ImGui::PopTextWrapPos();
}

bool dirty(const state::DraftRow& row, AttractionField field) {
  return row.dirty[static_cast<std::size_t>(field)];
}

// Pushes the dirty frame colour when the field is edited; returns whether it did.
bool begin_field(const state::DraftRow& row, AttractionField field) {
  if (!dirty(row, field)) return false;
  ImGui::PushStyleColor(ImGuiCol_FrameBg, kDirtyFrame);
  return true;
}

void end_field(bool pushed) {
  if (pushed) ImGui::PopStyleColor();
}

}  // namespace

void AttractionsPanel::draw_content(state::AppState& state, state::CommandSink& commands) {
  m_swatches.clear();
  if (!state.city) {
    ImGui::TextColored(kMutedText, "%s", "No city open.");
    return;
  }
  if (!state.editor) ImGui::TextColored(kWarningText, "%s", state::read_only_reason(state).c_str());
  draw_toolbar(state, commands);
  // The table, and the selected stop's details beside it.
  const float table_width = std::max(200.0f, ImGui::GetContentRegionAvail().x - kStopPanelWidth);
  ImGui::BeginChild("attractions_table", {table_width, 0.0f});
  draw_table(state);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("stop_details", {0.0f, 0.0f}, true);
  draw_stop_details(state);
  ImGui::EndChild();
}

void AttractionsPanel::draw_toolbar(state::AppState& state, state::CommandSink& commands) {
  ImGui::SetNextItemWidth(220.0f);
  ImGui::InputTextWithHint("##filter", "filter name, description, reason", &m_query.text);
  ImGui::SameLine();
  int filter = static_cast<int>(m_query.filter);
  ImGui::SetNextItemWidth(110.0f);
  if (ImGui::Combo("##which", &filter, kFilters, 4))
    m_query.filter = static_cast<state::RowFilter>(filter);
  ImGui::SameLine();
  const int edited = state.attractions.dirty_count();
  const int invalid = state.attractions.error_count();
  ImGui::BeginDisabled(edited == 0 || invalid > 0 || !state::can_edit(state));
  if (ImGui::Button("Save edits")) {
    commands.push(state::SaveAttractionsCommand{state.city->city.id, state.attractions.patches()});
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(edited == 0);
  if (ImGui::Button("Revert all")) {
    state::before_edit(state, "revert all");
    state.attractions.reset(state.city->revision);
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (invalid > 0) {
    ImGui::TextColored(kErrorText, "%d edited, %d invalid (fix them to save)", edited, invalid);
  } else {
    ImGui::TextColored(edited ? kWarningText : kMutedText,
                       "%d edited of %zu",
                       edited,
                       state.attractions.rows().size());
  }
}

void AttractionsPanel::read_sort(state::RowQuery& query) {
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || specs->SpecsCount == 0) return;
  const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
  query.ascending = spec.SortDirection == ImGuiSortDirection_Ascending;
  switch (spec.ColumnUserID) {
  case kIncluded: query.sort = state::RowSort::Included; break;
  case kName: query.sort = state::RowSort::Name; break;
  case kMinutes: query.sort = state::RowSort::VisitMinutes; break;
  case kTour: query.sort = state::RowSort::Tour; break;
  default: query.sort = state::RowSort::Score; break;
  }
  specs->SpecsDirty = false;
}

void AttractionsPanel::draw_table(state::AppState& state) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("attractions", 8, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(
      "", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed, 14.0f, kMark);
  ImGui::TableSetupColumn("In", ImGuiTableColumnFlags_WidthFixed, 28.0f, kIncluded);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 2.0f, kName);
  ImGui::TableSetupColumn("Description",
                          ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort,
                          1.5f,
                          kDescription);
  ImGui::TableSetupColumn("Min", ImGuiTableColumnFlags_WidthFixed, 40.0f, kMinutes);
  ImGui::TableSetupColumn("Score",
                          ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                              ImGuiTableColumnFlags_PreferSortDescending,
                          54.0f,
                          kScore);
  ImGui::TableSetupColumn("Tour", ImGuiTableColumnFlags_WidthFixed, 48.0f, kTour);
  ImGui::TableSetupColumn("Filter's reason",
                          ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort,
                          1.5f,
                          kReason);
  ImGui::TableHeadersRow();
  read_sort(m_query);
  const auto& rows = state.attractions.rows();
  for (const std::size_t index : state::visible_rows(rows, m_query)) draw_row(state, rows[index]);
  ImGui::EndTable();
}

void AttractionsPanel::draw_row(state::AppState& state, const state::DraftRow& row) {
  ImGui::PushID(row.id.c_str());
  ImGui::TableNextRow();
  const bool selected = state.selected_id == row.id;
  ImGui::TableNextColumn();
  // The selectable spans the row under the inputs: a click on a free spot selects the attraction.
  if (ImGui::Selectable(row.any_dirty() ? "*" : "##sel",
                        selected || state.hovered_id == row.id,
                        ImGuiSelectableFlags_SpanAllColumns |
                            ImGuiSelectableFlags_AllowItemOverlap)) {
    state::select_attraction(state, row.id, false);
  }
  if (selected && state.reveal_selection) {
    ImGui::SetScrollHereY(0.4f);
    state.reveal_selection = false;
  }
  // The row's own copy: an edit below may move the row in the draft.
  const std::string id = row.id;
  ImGui::BeginDisabled(!state::can_edit(state));
  ImGui::TableNextColumn();
  bool included = row.included;
  bool pushed = begin_field(row, AttractionField::Included);
  if (ImGui::Checkbox("##in", &included)) {
    state::before_edit(state, "included:" + id);
    state.attractions.set_included(id, included);
  }
  end_field(pushed);
  ImGui::TableNextColumn();
  std::string name = row.name;
  ImGui::SetNextItemWidth(-1.0f);
  pushed = begin_field(row, AttractionField::Name);
  if (ImGui::InputText("##name", &name)) {
    state::before_edit(state, "name:" + id);
    state.attractions.set_name(id, name);
  }
  end_field(pushed);
  field_error(row, AttractionField::Name);
  ImGui::EndDisabled();
  ImGui::TableNextColumn();
  // Read here, edited in the stop panel beside the table.
  const bool described = !row.description.empty();
  ImGui::TextColored(dirty(row, AttractionField::Description) ? kWarningText : kMutedText,
                     "%s",
                     described ? row.description.c_str() : "-");
  if (described && ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(360.0f);
    ImGui::TextUnformatted(row.description.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  ImGui::BeginDisabled(!state::can_edit(state));
  ImGui::TableNextColumn();
  int minutes = row.visit_minutes;
  ImGui::SetNextItemWidth(-1.0f);
  pushed = begin_field(row, AttractionField::VisitMinutes);
  if (ImGui::InputInt("##minutes", &minutes, 0, 0)) {  // steppers are in the stop panel
    state::before_edit(state, "minutes:" + id);
    state.attractions.set_visit_minutes(id, minutes);
  }
  end_field(pushed);
  field_error(row, AttractionField::VisitMinutes);
  ImGui::TableNextColumn();
  double score = row.score;
  ImGui::SetNextItemWidth(-1.0f);
  pushed = begin_field(row, AttractionField::Score);
  if (ImGui::InputDouble("##score", &score, 0.0, 0.0, "%.0f")) {
    state::before_edit(state, "score:" + id);
    state.attractions.set_score(id, score);
  }
  end_field(pushed);
  field_error(row, AttractionField::Score);
  ImGui::EndDisabled();
  ImGui::TableNextColumn();
  if (row.tour >= 0) {
    ImVec2 min;
    ImVec2 max;
    swatch(draw::tour_colour(row.tour), kSwatchSize, &min, &max);
    if (ImGui::IsItemVisible())
      m_swatches.push_back({row.id, row.tour, {min.x, min.y}, {max.x, max.y}});
    ImGui::SameLine();
    ImGui::Text("%d.%d", row.tour + 1, row.stop_number);
  }
  ImGui::TableNextColumn();
  ImGui::TextColored(kMutedText, "%s", row.reason.c_str());
  ImGui::PopID();
}

}  // namespace console::panels
