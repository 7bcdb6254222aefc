#include "console/panels/stop_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "console/draw/palette.h"
#include "console/panels/widgets.h"
#include "console/state/city_status.h"

namespace console::panels {
namespace {

// A reference people can open: the link as selectable text (copied on click) with the full URL.
void reference(const char* label, const std::string& url) {
  if (url.empty()) return;
  ImGui::TextColored(kMutedText, "%s", label);
  ImGui::SameLine();
  if (ImGui::Selectable(url.c_str(), false)) ImGui::SetClipboardText(url.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("click to copy %s", url.c_str());
}

std::string wikidata_url(const std::string& wikidata) {
  if (wikidata.empty()) return "";
  return wikidata.rfind("http", 0) == 0 ? wikidata : "https://www.wikidata.org/wiki/" + wikidata;
}

std::string wikipedia_url(const std::string& wikipedia) {
  if (wikipedia.empty() || wikipedia.rfind("http", 0) == 0) return wikipedia;
  // OSM's form "pt:Torre dos Clérigos".
  const std::size_t colon = wikipedia.find(':');
  if (colon == std::string::npos) return "";
  std::string title = wikipedia.substr(colon + 1);
  for (char& c : title) c = c == ' ' ? '_' : c;
  return "https://" + wikipedia.substr(0, colon) + ".wikipedia.org/wiki/" + title;
}

}  // namespace

void draw_stop_details(state::AppState& state) {
  const core::model::Attraction* a = state::find_attraction(state, state.selected_id);
  const state::DraftRow* row = state.attractions.find(state.selected_id);
  if (!a || !row) {
    ImGui::TextColored(
        kMutedText,
        "%s",
        "Select a stop (in the table, on the map, or Ctrl+F) to read and edit it here.");
    return;
  }
  const std::string id = row->id;
  const bool editable = state::can_edit(state);
  ImGui::BeginDisabled(!editable);
  std::string name = row->name;
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputText("##stop_name", &name)) {
    state::before_edit(state, "name:" + id);
    state.attractions.set_name(id, name);
  }
  bool included = row->included;
  if (ImGui::Checkbox("included", &included)) {
    state::before_edit(state, "included:" + id);
    state.attractions.set_included(id, included);
  }
  int minutes = row->visit_minutes;
  ImGui::SetNextItemWidth(110.0f);
  if (ImGui::InputInt("min", &minutes, 5, 15)) {
    state::before_edit(state, "minutes:" + id);
    state.attractions.set_visit_minutes(id, minutes);
  }
  ImGui::SameLine();
  double score = row->score;
  ImGui::SetNextItemWidth(50.0f);
  if (ImGui::InputDouble("score", &score, 0.0, 0.0, "%.0f")) {
    state::before_edit(state, "score:" + id);
    state.attractions.set_score(id, score);
  }
  std::string description = row->description;
  ImGui::TextColored(kMutedText, "%s", "Description (what the app reads)");
  if (ImGui::InputTextMultiline(
          "##stop_description", &description, {-1.0f, ImGui::GetTextLineHeight() * 5.0f})) {
    state::before_edit(state, "description:" + id);
    state.attractions.set_description(id, description);
  }
  ImGui::EndDisabled();
  for (const std::string& error : row->errors) {
    if (!error.empty()) ImGui::TextColored(kErrorText, "%s", error.c_str());
  }
  if (row->tour >= 0) {
    swatch(draw::tour_colour(row->tour), 12.0f);
    ImGui::SameLine();
    ImGui::Text("tour %d, stop %d", row->tour + 1, row->stop_number);
  } else {
    ImGui::TextColored(kMutedText, "%s", "in no tour");
  }
  ImGui::TextColored(kMutedText, "source");
  ImGui::SameLine();
  ImGui::TextUnformatted(a->source_id.c_str());
  reference("Wikidata", wikidata_url(a->wikidata));
  reference("Wikipedia", wikipedia_url(a->wikipedia));
  ImGui::TextColored(kMutedText, "%s", "Filter's reason");
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(row->reason.empty() ? "(no reason recorded)" : row->reason.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace console::panels
