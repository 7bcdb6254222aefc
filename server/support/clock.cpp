#include "server/support/clock.h"

#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace server::support {
namespace {

// A real-time bound on each wait of a ManualClock: a wake-up that advance() sent between a
// waiter's check and its wait is never lost for longer than this.
constexpr std::chrono::milliseconds kManualWaitSlice{2};

class SystemClock : public Clock {
 public:
  WallTime now() const override { return std::chrono::system_clock::now(); }
  SteadyTime steady_now() const override { return std::chrono::steady_clock::now(); }
  bool wait_until(std::condition_variable& wake,
                  std::unique_lock<std::mutex>& lock,
                  SteadyTime deadline,
                  const std::function<bool()>& ready) const override {
    return wake.wait_until(lock, deadline, ready);
  }
};

}  // namespace

bool Clock::wait_for(std::condition_variable& wake,
                     std::unique_lock<std::mutex>& lock,
                     std::chrono::nanoseconds timeout,
                     const std::function<bool()>& ready) const {
  return wait_until(
      wake, lock, steady_now() + std::chrono::duration_cast<SteadyTime::duration>(timeout), ready);
}

void Clock::sleep_for(std::chrono::nanoseconds duration) const {
  std::mutex mutex;
  std::condition_variable never;
  std::unique_lock lock(mutex);
  wait_for(never, lock, duration, [] { return false; });
}

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

ManualClock::ManualClock(WallTime start) : m_start(start) {}

Clock::WallTime ManualClock::now() const {
  return m_start + std::chrono::duration_cast<WallTime::duration>(
                       std::chrono::nanoseconds(m_elapsed_ns.load()));
}

Clock::SteadyTime ManualClock::steady_now() const {
  return SteadyTime(std::chrono::duration_cast<SteadyTime::duration>(
      std::chrono::nanoseconds(m_elapsed_ns.load())));
}

bool ManualClock::wait_until(std::condition_variable& wake,
                             std::unique_lock<std::mutex>& lock,
                             SteadyTime deadline,
                             const std::function<bool()>& ready) const {
  // Lock order: the waiter's mutex, then m_mutex; advance() never takes a waiter's mutex.
  std::multiset<std::condition_variable*>::iterator entry;
  {
    std::lock_guard guard(m_mutex);
    entry = m_waiting.insert(&wake);
  }
  bool result = ready();
  while (!result && steady_now() < deadline) {
    wake.wait_for(lock, kManualWaitSlice);
    result = ready();
  }
  std::lock_guard guard(m_mutex);
  m_waiting.erase(entry);
  return result;
}

void ManualClock::advance(std::chrono::nanoseconds step) {
  std::lock_guard guard(m_mutex);
  m_elapsed_ns += step.count();
  // Under m_mutex, so no waiter can leave (and its condition variable go) meanwhile.
  for (std::condition_variable* wake : m_waiting) wake->notify_all();
}

int ManualClock::waiters() const {
  std::lock_guard guard(m_mutex);
  return static_cast<int>(m_waiting.size());
}

std::string to_iso8601(std::chrono::system_clock::time_point time) {
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[80];
  std::snprintf(buffer,
                sizeof buffer,
                "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                utc.tm_year + 1900,
                utc.tm_mon + 1,
                utc.tm_mday,
                utc.tm_hour,
                utc.tm_min,
                utc.tm_sec,
                static_cast<int>(millis % 1000));
  return buffer;
}

std::string now_iso8601() {
  return to_iso8601(std::chrono::system_clock::now());
}

std::chrono::system_clock::time_point from_iso8601(const std::string& text) {
  std::tm utc{};
  int millis = 0;
  const int fields = std::sscanf(text.c_str(),
                                 "%4d-%2d-%2dT%2d:%2d:%2d.%3d",
                                 &utc.tm_year,
                                 &utc.tm_mon,
                                 &utc.tm_mday,
                                 &utc.tm_hour,
                                 &utc.tm_min,
                                 &utc.tm_sec,
                                 &millis);
  if (fields < 6) throw std::invalid_argument("not an ISO 8601 UTC time: " + text);
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  const std::time_t seconds = timegm(&utc);
  return std::chrono::system_clock::from_time_t(seconds) + std::chrono::milliseconds(millis);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace server::support
