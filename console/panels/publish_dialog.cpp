#include "console/panels/publish_dialog.h"

#include <imgui.h>

#include "console/draw/palette.h"
#include "console/panels/widgets.h"

namespace console::panels {
namespace {

constexpr const char* kTitle = "Publish the draft?";

void names(const char* prefix, const std::vector<std::string>& list, const ImVec4& colour) {
  for (const std::string& name : list) ImGui::TextColored(colour, "%s %s", prefix, name.c_str());
}

void summary(const core::edit::RevisionChanges& changes, int draft_revision) {
  ImGui::Text("Revision %d becomes what the app shows. Tours: %d -> %d.",
              draft_revision,
              changes.tours_before,
              changes.tours_after);
  if (!changes.any()) ImGui::TextColored(kMutedText, "%s", "Nothing changes for the app.");
  for (const core::edit::TourChange& tour : changes.tours) {
    ImGui::Separator();
    swatch(draw::tour_colour(tour.index), 12.0f);
    ImGui::SameLine();
    ImGui::Text("%s: +%zu / -%zu stops%s, %.0f -> %.0f min",
                tour.title.c_str(),
                tour.added.size(),
                tour.removed.size(),
                tour.reordered ? ", reordered" : "",
                tour.minutes_before,
                tour.minutes_after);
    names("  +", tour.added, kGoodText);
    names("  -", tour.removed, kErrorText);
  }
  if (!changes.newly_included.empty() || !changes.newly_excluded.empty() ||
      !changes.renamed.empty())
    ImGui::Separator();
  names("included:", changes.newly_included, kGoodText);
  names("excluded:", changes.newly_excluded, kErrorText);
  names("renamed:", changes.renamed, kWarningText);
}

}  // namespace

void PublishDialog::draw_content(state::AppState& state, state::CommandSink& commands) {
  if (state.publish.open && !ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
  ImGui::SetNextWindowSize({560.0f, 0.0f}, ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!state.publish.open || !state.city) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  if (!state.publish.changes) {
    ImGui::TextUnformatted("Asking the server what would change...");
  } else {
    ImGui::BeginChild("changes", {540.0f, 320.0f}, true);
    summary(*state.publish.changes, state.publish.draft_revision);
    ImGui::EndChild();
  }
  ImGui::BeginDisabled(!state.publish.changes);
  if (ImGui::Button("Publish")) {
    commands.push(state::PublishCommand{state.city->city.id, false});
    state.publish.open = false;
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) state.publish = {};
  ImGui::EndPopup();
}

}  // namespace console::panels
