#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "shared/model/stage.h"

namespace console::state {

/// The steps of a QA replay, in pipeline order.
enum class ReplayStage { City, Candidates, Filter, Planning, Legs };

/// Number of replay stages.
inline constexpr int kReplayStageCount = 5;

/// "City", "Raw candidates", "Filter decisions", "Planning", "Walking legs".
const char* replay_stage_label(ReplayStage stage);

/// The pipeline stages whose records in the run trace a replay stage stands for, in order.
std::vector<core::model::Stage> replay_stage_records(ReplayStage stage);

/// What one frame of the replay shows: a stage and how far its animation went (0..1).
struct ReplayFrame {
  ReplayStage stage = ReplayStage::City;
  double progress = 0.0;

  /// How many of `count` raw candidates are visible (they appear one after another).
  std::size_t candidates_visible(std::size_t count) const;
  /// True once the filter's decisions are shown (kept ones highlighted, dropped ones fading).
  bool decisions_shown() const;
  /// Opacity of dropped candidates: 1 before the filter, fading to kDroppedAlpha during it.
  double dropped_alpha() const;
  /// How many of `count` planned legs are drawn (leg by leg during Planning).
  std::size_t planned_legs_visible(std::size_t count) const;
  /// How many of `count` final walking legs are drawn (leg by leg during Legs).
  std::size_t final_legs_visible(std::size_t count) const;
};

/// The scrubber's text for `frame`: the stage's number and name and how far it went, e.g.
/// "4/5 Planning: 100%" (not the raw play-head position).
std::string replay_position_label(const ReplayFrame& frame);

/// Opacity dropped candidates fade to.
inline constexpr double kDroppedAlpha = 0.3;

/// The replay's play head: a position from 0 to kReplayStageCount in stage units (position s + 1
/// is the end of stage s), playing or paused. Pure; the frame loop calls tick().
class ReplayTimeline {
 public:
  /// Seconds one stage takes to animate at speed 1.
  static constexpr double kSecondsPerStage = 2.0;

  /// The frame at the current position.
  ReplayFrame frame() const;
  /// Current position in [0, kReplayStageCount].
  double position() const { return m_position; }
  bool playing() const { return m_playing; }
  double speed() const { return m_speed; }

  /// Advances by `seconds` of wall time while playing; stops at the end.
  void tick(double seconds);
  /// Starts playing (from the start if at the end).
  void play();
  void pause() { m_playing = false; }
  /// Jumps to the end of the next stage (pauses).
  void step_forward();
  /// Jumps to the end of the previous stage, or to the start (pauses).
  void step_back();
  /// Moves the play head (the scrubber); clamped to [0, kReplayStageCount].
  void seek(double position);
  /// Shows stage `index` (0-based) completely: seek(index + 1). Pauses.
  void show_stage(int index);
  /// Animation speed factor, clamped to [0.25, 8].
  void set_speed(double speed);

 private:
  double m_position = 0.0;
  double m_speed = 1.0;
  bool m_playing = false;
};

}  // namespace console::state
