#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "server/support/clock.h"

namespace server::http {

/// Per-caller token buckets: each caller (an API key or an app user) may take `burst` at once and
/// `per_hour` an hour after that. Time is `clock`'s steady time, so tests move a ManualClock
/// instead of sleeping. Thread-safe.
class RateLimiter {
 public:
  RateLimiter(int per_hour, int burst, const support::Clock& clock = support::system_clock());

  /// Takes one token of `caller`'s bucket: nullopt when taken, else how long until one is there.
  std::optional<std::chrono::seconds> take(const std::string& caller);
  /// Callers whose buckets are tracked (full buckets are forgotten now and then).
  std::size_t callers() const;

 private:
  struct Bucket {
    double tokens = 0.0;
    support::Clock::SteadyTime updated;
  };
  void forget_full(support::Clock::SteadyTime now);

  double m_per_second;
  double m_burst;
  const support::Clock& m_clock;
  mutable std::mutex m_mutex;
  std::unordered_map<std::string, Bucket> m_buckets;
  std::size_t m_takes_since_sweep = 0;
};

}  // namespace server::http
