#pragma once

#include <chrono>
#include <string>

#include "console/state/app_state.h"
#include "console/state/commands.h"
#include "console/state/launch_options.h"

namespace console::app {

/// What the headless run wants after a frame.
enum class HeadlessStep { Running, Capture, Failed };

/// The script of `narrando-console --screenshot`: wait for the connection, open the city, load
/// its run trace when the replay is asked for, let requests and tiles settle, render the asked
/// number of frames, then capture. Fails with a readable reason (unknown city, server errors, time
/// out). Drives the same state and commands as a person would.
class HeadlessScript {
 public:
  explicit HeadlessScript(const state::LaunchOptions& options);

  /// Called before each frame with whether the app is idle (no request or tile pending).
  HeadlessStep before_frame(state::AppState& state, state::CommandSink& commands, bool idle);
  /// Why the run failed.
  const std::string& error() const { return m_error; }

 private:
  enum class Phase { Connecting, LoadingCity, LoadingRun, Settling, Rendering };

  HeadlessStep fail(std::string reason);
  void pose(state::AppState& state) const;
  bool wants_replay() const;

  state::LaunchOptions m_options;
  Phase m_phase = Phase::Connecting;
  std::string m_city_id;
  int m_frames_left = 0;
  int m_settle_frames = 0;
  std::string m_error;
  std::chrono::steady_clock::time_point m_deadline;
  std::chrono::steady_clock::time_point m_settle_deadline;
};

}  // namespace console::app
