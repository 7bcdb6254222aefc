#include "console/panels/replay_panel.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "console/draw/palette.h"
#include "console/panels/widgets.h"

namespace console::panels {
namespace {

std::string run_label(const state::RunRef& run) {
  return "revision " + std::to_string(run.revision) + " (" + to_string(run.origin) + ", " +
         state::short_date(run.created_at) + ")";
}

// The index of run `job_id` in `runs`; an empty id picks `fallback`; an unknown one gives -1.
int index_of(const std::vector<state::RunRef>& runs, const std::string& job_id, int fallback) {
  if (job_id.empty()) return fallback;
  const auto it = std::find_if(
      runs.begin(), runs.end(), [&](const state::RunRef& r) { return r.job_id == job_id; });
  return it == runs.end() ? -1 : static_cast<int>(it - runs.begin());
}

// A combo of the runs showing `choice` (index_of `job_id`); a pick sets `job_id` (kept by id: the
// list grows when the city is regenerated, and an index would then point at another run).
void run_combo(const char* label,
               const std::vector<state::RunRef>& runs,
               int choice,
               std::string& job_id) {
  const std::string preview = choice >= 0 && choice < static_cast<int>(runs.size())
                                  ? run_label(runs[static_cast<std::size_t>(choice)])
                                  : "-";
  ImGui::SetNextItemWidth(300.0f);
  if (ImGui::BeginCombo(label, preview.c_str())) {
    for (int i = 0; i < static_cast<int>(runs.size()); ++i) {
      const state::RunRef& run = runs[static_cast<std::size_t>(i)];
      ImGui::PushID(run.job_id.c_str());
      if (ImGui::Selectable(run_label(run).c_str(), i == choice)) job_id = run.job_id;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
}

// One run's stops of a tour, coloured against the other run's: added (green, in the newer run) or
// dropped (red, in the older run), moved (amber).
void stop_list(const core::model::Tour* tour, const core::model::Tour* other, bool newer) {
  if (!tour) {
    ImGui::TextColored(kMutedText, "%s", "(no such tour)");
    return;
  }
  for (std::size_t s = 0; s < tour->stops.size(); ++s) {
    const core::model::TourStop& stop = tour->stops[s];
    const bool shared =
        other &&
        std::any_of(other->stops.begin(), other->stops.end(), [&](const core::model::TourStop& o) {
          return o.attraction_id == stop.attraction_id;
        });
    const bool moved =
        shared && (s >= other->stops.size() || other->stops[s].attraction_id != stop.attraction_id);
    const ImVec4 colour = !shared
                              ? (newer ? kGoodText : kErrorText)
                              : (moved ? kWarningText : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    ImGui::TextColored(colour, "%zu. %s%s", s + 1, stop.name.c_str(), moved ? "  (moved)" : "");
  }
}

// Per stage: A's and B's seconds and B's change, then calls and cost of each run.
void stage_changes(const state::RunComparison& diff) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("stage_changes", 5, flags)) return;
  ImGui::TableSetupColumn("Stage");
  ImGui::TableSetupColumn("A s");
  ImGui::TableSetupColumn("B s");
  ImGui::TableSetupColumn("B - A", ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn("Calls, cost $ (A / B)", ImGuiTableColumnFlags_WidthStretch, 1.8f);
  ImGui::TableHeadersRow();
  const auto row = [](const state::StageDelta& stage) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(stage.name.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%.4f", stage.seconds_a);
    ImGui::TableNextColumn();
    ImGui::Text("%.4f", stage.seconds_b);
    ImGui::TableNextColumn();
    // Slower in B in amber, faster in green: the eye goes to what got worse.
    const state::Trend trend = state::seconds_trend(stage);
    const ImVec4 colour = trend == state::Trend::Slower   ? kWarningText
                          : trend == state::Trend::Faster ? kGoodText
                                                          : kMutedText;
    ImGui::TextColored(colour, "%s", state::seconds_change(stage).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%d / %d, %.4f / %.4f", stage.calls_a, stage.calls_b, stage.cost_a, stage.cost_b);
  };
  for (const state::StageDelta& stage : diff.stages) row(stage);
  row(diff.total);
  ImGui::EndTable();
}

}  // namespace

void ReplayPanel::draw_content(state::AppState& state, state::CommandSink& commands) {
  if (!state.city) {
    ImGui::TextColored(kMutedText, "%s", "No city open.");
    return;
  }
  draw_run_pickers(state, commands);
  if (!state.replay.run) {
    ImGui::TextColored(kMutedText, "%s", "Load a run to replay it on the map.");
    return;
  }
  draw_timeline(state);
  if (ImGui::BeginTable(
          "replay_split", 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    draw_stages(*state.replay.run);
    ImGui::TableNextColumn();
    draw_comparison(state);
    ImGui::EndTable();
  }
}

void ReplayPanel::draw_run_pickers(state::AppState& state, state::CommandSink& commands) {
  const auto& runs = state.replay.runs;
  const std::string& city_id = state.city->city.id;
  // The picks belong to the run list of the city they were made on.
  if (city_id != m_city_id) {
    m_city_id = city_id;
    m_primary.clear();
    m_compare.clear();
  }
  // No pick yet: the newest run. A pick that left the list: none.
  const int primary = index_of(runs, m_primary, runs.empty() ? -1 : 0);
  const int compare = index_of(runs, m_compare, -1);
  run_combo("##run", runs, primary, m_primary);
  ImGui::SameLine();
  ImGui::BeginDisabled(primary < 0);
  if (ImGui::Button("Replay"))
    commands.push(state::LoadRunCommand{
        city_id, runs[static_cast<std::size_t>(primary)].job_id, state::RunSlot::Primary});
  ImGui::EndDisabled();
  ImGui::SameLine();
  run_combo("##compare", runs, compare, m_compare);
  ImGui::SameLine();
  ImGui::BeginDisabled(compare < 0 || !state.replay.run);
  if (ImGui::Button("Compare"))
    commands.push(state::LoadRunCommand{
        city_id, runs[static_cast<std::size_t>(compare)].job_id, state::RunSlot::Compare});
  ImGui::EndDisabled();
  if (runs.empty()) ImGui::TextColored(kMutedText, "%s", "No generation run found for this city.");
}

void ReplayPanel::draw_timeline(state::AppState& state) {
  state::ReplayTimeline& timeline = state.replay.timeline;
  if (ImGui::Button("|<")) timeline.step_back();
  ImGui::SameLine();
  if (ImGui::Button(timeline.playing() ? "Pause" : "Play"))
    timeline.playing() ? timeline.pause() : timeline.play();
  ImGui::SameLine();
  if (ImGui::Button(">|")) timeline.step_forward();
  ImGui::SameLine();
  double position = timeline.position();
  const double low = 0.0;
  const double high = state::kReplayStageCount;
  const state::ReplayFrame frame = timeline.frame();
  // The slider names the stage; "%%" keeps ImGui from reading the percent sign as a format.
  std::string label = state::replay_position_label(frame);
  label.replace(label.size() - 1, 1, "%%");
  ImGui::SetNextItemWidth(-160.0f);
  if (ImGui::SliderScalar("##scrub", ImGuiDataType_Double, &position, &low, &high, label.c_str()))
    timeline.seek(position);
  ImGui::SameLine();
  double speed = timeline.speed();
  const double slow = 0.25;
  const double fast = 8.0;
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderScalar("##speed", ImGuiDataType_Double, &speed, &slow, &fast, "speed %.2fx"))
    timeline.set_speed(speed);
  for (int s = 0; s < state::kReplayStageCount; ++s) {
    const auto stage = static_cast<state::ReplayStage>(s);
    if (s > 0) ImGui::SameLine();
    const bool current = stage == frame.stage;
    if (current)
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::SmallButton(state::replay_stage_label(stage))) timeline.show_stage(s);
    if (current) ImGui::PopStyleColor();
  }
}

void ReplayPanel::draw_stages(const core::model::RunTrace& run) {
  ImGui::Text("job %s | places: %s | filter: %s",
              run.job_id.c_str(),
              to_string(run.places_source),
              run.filter_used.c_str());
  ImGui::TextColored(kMutedText, "%s", run.distance_policy.c_str());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("stages", 5, flags)) return;
  ImGui::TableSetupColumn("Stage");
  ImGui::TableSetupColumn("Seconds");
  ImGui::TableSetupColumn("Calls");
  ImGui::TableSetupColumn("Cost $");
  ImGui::TableSetupColumn("Note", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableHeadersRow();
  for (const core::model::StageRecord& stage : run.stages) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(to_string(stage.stage));
    ImGui::TableNextColumn();
    ImGui::Text("%.4f", stage.seconds);
    ImGui::TableNextColumn();
    ImGui::Text("%d", stage.calls);
    ImGui::TableNextColumn();
    ImGui::Text("%.4f", stage.cost_usd);
    ImGui::TableNextColumn();
    ImGui::TextColored(kMutedText, "%s", stage.note.c_str());
  }
  ImGui::EndTable();
  const auto kept = std::count_if(
      run.decisions.begin(), run.decisions.end(), [](const auto& a) { return a.included; });
  ImGui::Text("%zu candidates, %ld kept, %zu tours, %zu external calls",
              run.candidates.size(),
              static_cast<long>(kept),
              run.tours.size(),
              run.calls.size());
}

void ReplayPanel::draw_comparison(const state::AppState& state) {
  if (!state.replay.comparison || !state.replay.compare) {
    ImGui::TextColored(
        kMutedText, "%s", "Pick a second run and press Compare to see the runs side by side.");
    return;
  }
  const state::RunComparison& diff = *state.replay.comparison;
  const core::model::RunTrace& a = *state.replay.run;
  const core::model::RunTrace& b = *state.replay.compare;
  ImGui::Text("A: %d candidates, %d kept, %d tours | B: %d candidates, %d kept, %d tours",
              diff.candidates_a,
              diff.kept_a,
              diff.changes.tours_before,
              diff.candidates_b,
              diff.kept_b,
              diff.changes.tours_after);
  if (!diff.changes.any()) ImGui::TextColored(kGoodText, "%s", "Same decisions and tours.");
  for (const std::string& name : diff.changes.newly_included)
    ImGui::TextColored(kGoodText, "kept in B only: %s", name.c_str());
  for (const std::string& name : diff.changes.newly_excluded)
    ImGui::TextColored(kErrorText, "dropped in B: %s", name.c_str());
  stage_changes(diff);
  const std::size_t tours = std::max(a.tours.size(), b.tours.size());
  if (!ImGui::BeginTable(
          "side_by_side", 2, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame))
    return;
  ImGui::TableSetupColumn("Run A (red: dropped in B)");
  ImGui::TableSetupColumn("Run B (green: added, amber: moved)");
  ImGui::TableHeadersRow();
  for (std::size_t t = 0; t < tours; ++t) {
    const core::model::Tour* ta = t < a.tours.size() ? &a.tours[t] : nullptr;
    const core::model::Tour* tb = t < b.tours.size() ? &b.tours[t] : nullptr;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    swatch(draw::tour_colour(static_cast<int>(t)), 10.0f);
    stop_list(ta, tb, false);
    ImGui::TableNextColumn();
    swatch(draw::tour_colour(static_cast<int>(t)), 10.0f);
    stop_list(tb, ta, true);
  }
  ImGui::EndTable();
}

}  // namespace console::panels
