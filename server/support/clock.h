#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>

namespace server::support {

/// Where time comes from: the system's clocks, or a test's manual clock. What stamps or waits
/// (the store, the worker pool, the job board and the HTTP wait window, the published cache) takes
/// one, so that tests move time instead of sleeping. Implementations are thread-safe.
class Clock {
 public:
  using WallTime = std::chrono::system_clock::time_point;
  using SteadyTime = std::chrono::steady_clock::time_point;

  virtual ~Clock() = default;

  /// UTC wall time: timestamps and job leases (compared with other instances' through the store).
  virtual WallTime now() const = 0;
  /// Monotonic time: deadlines and durations within this process.
  virtual SteadyTime steady_now() const = 0;
  /// Waits on `wake`, whose mutex `lock` holds, until `ready()` or until this clock reaches
  /// `deadline`; returns ready(). Like std::condition_variable::wait_until with a predicate.
  virtual bool wait_until(std::condition_variable& wake,
                          std::unique_lock<std::mutex>& lock,
                          SteadyTime deadline,
                          const std::function<bool()>& ready) const = 0;

  /// wait_until(steady_now() + timeout).
  bool wait_for(std::condition_variable& wake,
                std::unique_lock<std::mutex>& lock,
                std::chrono::nanoseconds timeout,
                const std::function<bool()>& ready) const;
  /// Blocks the calling thread for `duration` of this clock's time.
  void sleep_for(std::chrono::nanoseconds duration) const;
};

/// The system's clocks (std::chrono::system_clock and steady_clock); one for the process.
const Clock& system_clock();

/// A clock that stands still until a test moves it: waits end when advance() passes their
/// deadline (or their predicate holds), never because real time passed.
class ManualClock : public Clock {
 public:
  /// Starts at `start` (wall time); its steady time starts at an arbitrary point.
  explicit ManualClock(WallTime start = WallTime(std::chrono::hours(24 * 365 * 56)));

  WallTime now() const override;
  SteadyTime steady_now() const override;
  bool wait_until(std::condition_variable& wake,
                  std::unique_lock<std::mutex>& lock,
                  SteadyTime deadline,
                  const std::function<bool()>& ready) const override;

  /// Moves both times forward by `step` and wakes the waiters.
  void advance(std::chrono::nanoseconds step);
  /// Threads waiting on this clock now (tests wait for a waiter before they advance).
  int waiters() const;

 private:
  std::atomic<std::int64_t> m_elapsed_ns{0};
  WallTime m_start;
  mutable std::mutex m_mutex;
  mutable std::multiset<std::condition_variable*> m_waiting;  // one entry per waiting thread
};

/// Current UTC time as ISO 8601 with milliseconds, e.g. "2026-11-25T09:31:00.123Z".
std::string now_iso8601();

/// `time` as ISO 8601 UTC with milliseconds.
std::string to_iso8601(std::chrono::system_clock::time_point time);

/// Parses what to_iso8601 writes (also without milliseconds); throws std::invalid_argument.
std::chrono::system_clock::time_point from_iso8601(const std::string& text);

/// Seconds elapsed since `start` on the steady clock.
double seconds_since(std::chrono::steady_clock::time_point start);

}  // namespace server::support
