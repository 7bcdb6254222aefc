#include "console/panels/cities_panel.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "console/panels/widgets.h"
#include "console/state/city_status.h"
#include "console/state/job_progress.h"
#include "shared/json/model_json.h"

namespace console::panels {
namespace {

ImVec4 badge_colour(state::CityHealth health) {
  switch (health) {
  case state::CityHealth::Published: return kGoodText;
  case state::CityHealth::PublishedWithDraft:
  case state::CityHealth::Draft: return kWarningText;
  case state::CityHealth::Generating: return ImVec4{0.45f, 0.65f, 1.0f, 1.0f};
  case state::CityHealth::Problem: return kErrorText;
  case state::CityHealth::Unknown: return kMutedText;
  }
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

// "generating 43%" (or "queued") while a followed job runs, else the row's badge ("published +
// draft", "published, no tours", ...).
std::string status_text(const state::CitySummary& row,
                        const state::JobView* job,
                        const state::CityBadge& badge) {
  if (row.status != core::model::CityStatus::Generating || !job || job->ended) return badge.text;
  if (job->job.status == core::model::JobStatus::Queued) return "queued";
  return "generating " + std::to_string(static_cast<int>(job->job.progress * 100.0 + 0.5)) + "%";
}

// The full picture of a row: place id, the source's note, every date, the job.
void row_tooltip(const state::CitySummary& row, const state::JobView* job) {
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(row.city.place_id.c_str());
  if (!row.openable())
    ImGui::TextColored(kMutedText, "%s", "first generation running: no city to open yet");
  if (!row.city.note.empty()) ImGui::TextColored(kMutedText, "%s", row.city.note.c_str());
  if (row.city.published_revision)
    ImGui::Text("published: revision %d", *row.city.published_revision);
  if (row.city.draft_revision && row.city.draft_revision != row.city.published_revision) {
    ImGui::TextColored(kWarningText, "draft pending: revision %d", *row.city.draft_revision);
  }
  if (!row.city.created_at.empty())
    ImGui::Text("created %s UTC", state::short_date(row.city.created_at).c_str());
  if (!row.city.updated_at.empty())
    ImGui::Text("updated %s UTC", state::short_date(row.city.updated_at).c_str());
  if (job) {
    ImGui::Text("job %s: %s%s%s",
                job->job.id.c_str(),
                core::model::to_string(job->job.status),
                job->job.stage ? ", stage " : "",
                job->job.stage ? to_string(*job->job.stage) : "");
  } else if (!row.job_id.empty()) {
    ImGui::Text("job %s", row.job_id.c_str());
  }
  ImGui::EndTooltip();
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
  // The cells give the day (the times are in the row's tooltip) so that both dates fit beside the
  // names in the sidebar; what does not fit (long names, a third date) scrolls, the names stay.
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_SizingFixedFit;
  // City, status and last update fit the sidebar at 1280 px; the creation time is in the tooltip.
  if (!ImGui::BeginTable("cities", 3, flags, {0.0f, ImGui::GetContentRegionAvail().y * 0.45f}))
    return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("City");
  ImGui::TableSetupColumn("Status");
  ImGui::TableSetupColumn("Updated");
  ImGui::TableHeadersRow();
  for (const state::CitySummary& row : state.cities) draw_row(state, row, commands);
  if (state.cities.empty()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextColored(kMutedText,
                       "%s",
                       state.connection == state::Connection::Connected ? "no city yet"
                                                                        : "not connected");
  }
  ImGui::EndTable();
}

void CitiesPanel::draw_row(const state::AppState& state,
                           const state::CitySummary& row,
                           state::CommandSink& commands) {
  // Rows without a city (first generation running) are told apart by their place id.
  ImGui::PushID(row.openable() ? row.city.id.c_str() : ("place:" + row.city.place_id).c_str());
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  const bool open = state.city && state.city->city.id == row.city.id;
  const ImGuiSelectableFlags select_flags =
      ImGuiSelectableFlags_SpanAllColumns | (row.openable() ? 0 : ImGuiSelectableFlags_Disabled);
  if (ImGui::Selectable(state::city_label(row, state.places).c_str(), open, select_flags) &&
      row.openable()) {
    commands.push(state::LoadCityCommand{row.city.id, std::nullopt});
  }
  const state::JobView* job = state::job_for(state, row);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) row_tooltip(row, job);
  ImGui::TableNextColumn();
  const state::CityBadge badge = state::city_badge(row, state.city ? &*state.city : nullptr);
  const std::string status = status_text(row, job, badge);
  ImGui::TextColored(badge_colour(badge.health), "%s", status.c_str());
  const auto date = [](const std::string& iso) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(iso.empty() ? "-" : state::day_of(iso).c_str());
  };
  date(row.city.updated_at);
  ImGui::PopID();
}

void CitiesPanel::draw_generate(state::AppState& state, state::CommandSink& commands) {
  ImGui::TextUnformatted("Generate a city");
  ImGui::SetNextItemWidth(-60.0f);
  if (ImGui::BeginCombo("Offline", "pick an embedded city")) {
    for (const core::json::PlaceSummary& place : state.places) {
      const std::string label = place.name + " (" + place.country_code + ")";
      if (ImGui::Selectable(label.c_str(), state.place_id_input == place.place_id)) {
        state.place_id_input = place.place_id;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(-60.0f);
  ImGui::InputTextWithHint("Place id", "ChIJ... or geonames:<id>", &state.place_id_input);
  ImGui::Checkbox("force (regenerate)", &state.force_generate);
  ImGui::SameLine();
  ImGui::BeginDisabled(state.place_id_input.empty() ||
                       state.connection != state::Connection::Connected);
  if (ImGui::Button("Generate"))
    commands.push(state::GenerateCityCommand{state.place_id_input, state.force_generate});
  ImGui::EndDisabled();
  // Newest first; older finished jobs scroll away. Other editors' jobs show in the list only.
  for (auto it = state.jobs.rbegin(); it != state.jobs.rend(); ++it) {
    if (it->started_here) draw_job(*it);
  }
}

void CitiesPanel::draw_job(const state::JobView& view) {
  ImGui::PushID(view.job.id.c_str());
  ImGui::Separator();
  ImGui::Text("%s: %s (%.0f%%)",
              view.place_id.c_str(),
              core::model::to_string(view.job.status),
              view.job.progress * 100.0);
  for (const state::StageProgress& stage : state::stage_progress(view.job)) {
    char overlay[96];
    if (stage.state == state::StageState::Done) {
      std::snprintf(overlay,
                    sizeof overlay,
                    "%s  %.3f s  %d calls  $%.4f",
                    to_string(stage.stage),
                    stage.seconds,
                    stage.calls,
                    stage.cost_usd);
    } else {
      std::snprintf(overlay, sizeof overlay, "%s", to_string(stage.stage));
    }
    ImGui::TextUnformatted(stage_mark(stage.state));
    ImGui::SameLine(28.0f);
    if (stage.state == state::StageState::Failed)
      ImGui::PushStyleColor(ImGuiCol_PlotHistogram, kErrorText);
    ImGui::ProgressBar(
        static_cast<float>(stage.state == state::StageState::Failed ? 1.0 : stage.fraction),
        {-1.0f, 0.0f},
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
