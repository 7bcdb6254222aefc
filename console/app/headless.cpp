#include "console/app/headless.h"

namespace console::app {
namespace {

// Tiles that have not arrived by then are left out (the fallback shows); requests must be done.
constexpr auto kTileSettleLimit = std::chrono::seconds(15);
// The map asks for its tiles while it draws: idleness counts only after it drew a few frames.
constexpr int kMinSettleFrames = 3;

}  // namespace

HeadlessScript::HeadlessScript(const state::LaunchOptions& options)
    : m_options(options),
      m_deadline(std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds)) {
}

bool HeadlessScript::wants_replay() const {
  return m_options.panel == state::PanelChoice::Replay || m_options.replay_stage.has_value();
}

HeadlessStep HeadlessScript::fail(std::string reason) {
  m_error = std::move(reason);
  return HeadlessStep::Failed;
}

void HeadlessScript::pose(state::AppState& state) const {
  switch (m_options.panel) {
  case state::PanelChoice::Map:
  case state::PanelChoice::Table: state.tab = state::BottomTab::Attractions; break;
  case state::PanelChoice::Tours: state.tab = state::BottomTab::Tours; break;
  case state::PanelChoice::Replay: state.tab = state::BottomTab::Replay; break;
  }
  state.tab_forced = true;
  if (!m_options.stop.empty() && state.selected_id.empty()) {
    state::select_attraction(state, state::find_stop(state, m_options.stop), true);
  }
  if (m_options.tour > 0 && state.selected_tour != m_options.tour - 1)
    state::focus_tour(state, m_options.tour - 1);
  if (wants_replay())
    state.replay.timeline.show_stage(m_options.replay_stage.value_or(state::kReplayStageCount - 1));
}

HeadlessStep
HeadlessScript::before_frame(state::AppState& state, state::CommandSink& commands, bool idle) {
  const auto now = std::chrono::steady_clock::now();
  if (now > m_deadline)
    return fail("timed out after " + std::to_string(m_options.timeout_seconds) + " s");
  if (m_phase != Phase::Settling && m_phase != Phase::Rendering && !state.last_error.empty()) {
    return fail(state.last_error);
  }
  switch (m_phase) {
  case Phase::Connecting: {
    if (state.connection == state::Connection::Failed)
      return fail("cannot connect: " + state.last_error);
    if (state.connection != state::Connection::Connected) break;
    const state::CitySummary* city = state::find_city(state.cities, m_options.city);
    if (!city)
      return fail("no city \"" + m_options.city + "\" on " + state.server_label +
                  " (give its id or place id)");
    m_city_id = city->city.id;
    commands.push(state::LoadCityCommand{m_city_id, std::nullopt});
    m_phase = Phase::LoadingCity;
    break;
  }
  case Phase::LoadingCity:
    if (!state.city || state.city->city.id != m_city_id) break;
    if (wants_replay()) {
      if (state.city->revision.job_id.empty())
        return fail("the city's revision has no generation run to replay");
      commands.push(
          state::LoadRunCommand{m_city_id, state.city->revision.job_id, state::RunSlot::Primary});
      m_phase = Phase::LoadingRun;
    } else {
      m_phase = Phase::Settling;
      m_settle_deadline = now + kTileSettleLimit;
    }
    break;
  case Phase::LoadingRun:
    if (!state.replay.run) break;
    m_phase = Phase::Settling;
    m_settle_deadline = now + kTileSettleLimit;
    break;
  case Phase::Settling:
    pose(state);
    ++m_settle_frames;
    if ((idle && m_settle_frames > kMinSettleFrames) || now > m_settle_deadline) {
      m_phase = Phase::Rendering;
      m_frames_left = m_options.frames;
    }
    break;
  case Phase::Rendering:
    pose(state);
    if (--m_frames_left <= 0) return HeadlessStep::Capture;
    break;
  }
  return HeadlessStep::Running;
}

}  // namespace console::app
