#include "console/state/replay_timeline.h"

#include <algorithm>
#include <cmath>

namespace console::state {
namespace {

std::size_t part_of(std::size_t count, double progress) {
  return std::min(count,
                  static_cast<std::size_t>(std::ceil(static_cast<double>(count) * progress)));
}

}  // namespace

const char* replay_stage_label(ReplayStage stage) {
  switch (stage) {
  case ReplayStage::City: return "City";
  case ReplayStage::Candidates: return "Raw candidates";
  case ReplayStage::Filter: return "Filter decisions";
  case ReplayStage::Planning: return "Planning";
  case ReplayStage::Legs: return "Walking legs";
  }
  return "?";
}

std::vector<core::model::Stage> replay_stage_records(ReplayStage stage) {
  using core::model::Stage;
  switch (stage) {
  case ReplayStage::City: return {Stage::City};
  case ReplayStage::Candidates: return {Stage::Attractions};
  case ReplayStage::Filter: return {Stage::Filter};
  case ReplayStage::Planning: return {Stage::Distances, Stage::Plan};
  case ReplayStage::Legs: return {Stage::Legs, Stage::Store};
  }
  return {};
}

std::size_t ReplayFrame::candidates_visible(std::size_t count) const {
  if (stage == ReplayStage::City) return 0;
  if (stage == ReplayStage::Candidates) return part_of(count, progress);
  return count;
}

bool ReplayFrame::decisions_shown() const {
  return stage >= ReplayStage::Filter;
}

double ReplayFrame::dropped_alpha() const {
  if (stage < ReplayStage::Filter) return 1.0;
  if (stage == ReplayStage::Filter) return 1.0 - (1.0 - kDroppedAlpha) * progress;
  return kDroppedAlpha;
}

std::size_t ReplayFrame::planned_legs_visible(std::size_t count) const {
  if (stage < ReplayStage::Planning) return 0;
  if (stage == ReplayStage::Planning) return part_of(count, progress);
  return count;
}

std::size_t ReplayFrame::final_legs_visible(std::size_t count) const {
  if (stage < ReplayStage::Legs) return 0;
  return part_of(count, progress);
}

ReplayFrame ReplayTimeline::frame() const {
  // Position s + 1 is the end of stage s: the stage is the ceiling minus one, except at 0.
  const int stage =
      std::clamp(static_cast<int>(std::ceil(m_position)) - 1, 0, kReplayStageCount - 1);
  return {static_cast<ReplayStage>(stage), std::clamp(m_position - stage, 0.0, 1.0)};
}

void ReplayTimeline::tick(double seconds) {
  if (!m_playing) return;
  m_position = std::min(static_cast<double>(kReplayStageCount),
                        m_position + seconds * m_speed / kSecondsPerStage);
  if (m_position >= kReplayStageCount) m_playing = false;
}

void ReplayTimeline::play() {
  if (m_position >= kReplayStageCount) m_position = 0.0;
  m_playing = true;
}

void ReplayTimeline::step_forward() {
  m_playing = false;
  m_position = std::min(static_cast<double>(kReplayStageCount), std::floor(m_position) + 1.0);
}

void ReplayTimeline::step_back() {
  m_playing = false;
  m_position = std::max(0.0, std::ceil(m_position) - 1.0);
}

void ReplayTimeline::seek(double position) {
  m_position = std::clamp(position, 0.0, static_cast<double>(kReplayStageCount));
}

void ReplayTimeline::show_stage(int index) {
  m_playing = false;
  seek(static_cast<double>(std::clamp(index, 0, kReplayStageCount - 1) + 1));
}

void ReplayTimeline::set_speed(double speed) {
  m_speed = std::clamp(speed, 0.25, 8.0);
}

std::string replay_position_label(const ReplayFrame& frame) {
  const int number = static_cast<int>(frame.stage) + 1;
  const int percent = static_cast<int>(std::lround(std::clamp(frame.progress, 0.0, 1.0) * 100.0));
  return std::to_string(number) + "/" + std::to_string(kReplayStageCount) + " " +
         replay_stage_label(frame.stage) + ": " + std::to_string(percent) + "%";
}

}  // namespace console::state
