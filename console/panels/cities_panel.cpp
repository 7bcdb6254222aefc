#include "console/panels/cities_panel.h"

#include <cstdio>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "console/panels/widgets.h"
#include "console/state/job_progress.h"
#include "shared/json/model_json.h"

namespace console::panels {
namespace {

ImVec4 status_colour(const std::string& status) {
  if (status == "published") return kGoodText;
  if (status == "draft") return kWarningText;
  if (status == "generating") return ImVec4{0.45f, 0.65f, 1.0f, 1.0f};
  return kMutedText;
}

const char* stage_mark(state::StageState stage) {
  switch (stage) {
    case state::StageState::Pending: return " ";
    case state::StageState::Running: return ">";
    case state::StageState::Done: return "ok";
    case state::StageState::Failed: return "X";
  }
  return "";
}

}  // namespace

void CitiesPanel::draw_content(state::AppState& state, state::CommandSink& commands) {
  draw_list(state, commands);
  ImGui::Separator();
  draw_generate(state, commands);
}

void CitiesPanel::draw_list(state::AppState& state, state::CommandSink& commands) {
  ImGui::SetNextItemWidth(-60.0f);
  if (ImGui::InputTextWithHint("Search", "city name", &state.city_search)) {
    commands.push(state::ListCitiesCommand{state.city_search});
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("cities", 3, flags, {0.0f, ImGui::GetContentRegionAvail().y * 0.45f})) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("City", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Updated (UTC)", ImGuiTableColumnFlags_WidthStretch, 1.8f);
  ImGui::TableHeadersRow();
  for (const state::CitySummary& row : state.cities) {
    ImGui::PushID(row.city.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool open = state.city && state.city->city.id == row.city.id;
    const std::string label = row.city.name + " (" + row.city.country_code + ")";
    if (ImGui::Selectable(label.c_str(), open, ImGuiSelectableFlags_SpanAllColumns)) {
      commands.push(state::LoadCityCommand{row.city.id, std::nullopt});
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", row.city.place_id.c_str(), row.city.note.c_str());
    ImGui::TableNextColumn();
    ImGui::TextColored(status_colour(row.status), "%s", row.status.empty() ? "-" : row.status.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(state::short_date(row.city.updated_at).c_str());
    ImGui::PopID();
  }
  if (state.cities.empty()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextColored(kMutedText, "%s", state.connection == state::Connection::Connected ? "no city yet" : "not connected");
  }
  ImGui::EndTable();
}

void CitiesPanel::draw_generate(state::AppState& state, state::CommandSink& commands) {
  ImGui::TextUnformatted("Generate a city");
  ImGui::SetNextItemWidth(-60.0f);
  if (ImGui::BeginCombo("Offline", "pick an embedded city")) {
    for (const state::EmbeddedCity& city : state::embedded_cities()) {
      const std::string label = std::string(city.name) + " (" + city.country_code + ")";
      if (ImGui::Selectable(label.c_str(), state.place_id_input == city.place_id)) state.place_id_input = city.place_id;
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(-60.0f);
  ImGui::InputTextWithHint("Place id", "ChIJ... or geonames:<id>", &state.place_id_input);
  ImGui::Checkbox("force (regenerate)", &state.force_generate);
  ImGui::SameLine();
  ImGui::BeginDisabled(state.place_id_input.empty() || state.connection != state::Connection::Connected);
  if (ImGui::Button("Generate")) commands.push(state::GenerateCityCommand{state.place_id_input, state.force_generate});
  ImGui::EndDisabled();
  // Newest first; older finished jobs scroll away.
  for (auto it = state.jobs.rbegin(); it != state.jobs.rend(); ++it) draw_job(*it);
}

void CitiesPanel::draw_job(const state::JobView& view) {
  ImGui::PushID(view.job.id.c_str());
  ImGui::Separator();
  ImGui::Text("%s: %s (%.0f%%)", view.place_id.c_str(), core::model::to_string(view.job.status), view.job.progress * 100.0);
  for (const state::StageProgress& stage : state::stage_progress(view.job)) {
    char overlay[96];
    if (stage.state == state::StageState::Done) {
      std::snprintf(overlay, sizeof overlay, "%s  %.3f s  %d calls  $%.4f", stage.name.c_str(), stage.seconds, stage.calls,
                    stage.cost_usd);
    } else {
      std::snprintf(overlay, sizeof overlay, "%s", stage.name.c_str());
    }
    ImGui::TextUnformatted(stage_mark(stage.state));
    ImGui::SameLine(28.0f);
    if (stage.state == state::StageState::Failed) ImGui::PushStyleColor(ImGuiCol_PlotHistogram, kErrorText);
    ImGui::ProgressBar(static_cast<float>(stage.state == state::StageState::Failed ? 1.0 : stage.fraction), {-1.0f, 0.0f},
                       overlay);
    if (stage.state == state::StageState::Failed) ImGui::PopStyleColor();
  }
  const std::string failure = state::failure_text(view.job);
  if (!failure.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(kErrorText, "%s", failure.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::PopID();
}

}  // namespace console::panels
