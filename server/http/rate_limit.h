#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace server::http {

/// Per-caller token buckets: each caller (an API key or an app user) may take `burst` at once and
/// `per_hour` an hour after that. Time comes from `now`, so tests need no sleeps. Thread-safe.
class RateLimiter {
 public:
  using Now = std::function<std::chrono::steady_clock::time_point()>;

  RateLimiter(int per_hour, int burst, Now now = std::chrono::steady_clock::now);

  /// Takes one token of `caller`'s bucket: nullopt when taken, else how long until one is there.
  std::optional<std::chrono::seconds> take(const std::string& caller);
  /// Callers whose buckets are tracked (full buckets are forgotten now and then).
  std::size_t callers() const;

 private:
  struct Bucket {
    double tokens = 0.0;
    std::chrono::steady_clock::time_point updated;
  };
  void forget_full(std::chrono::steady_clock::time_point now);

  double m_per_second;
  double m_burst;
  Now m_now;
  mutable std::mutex m_mutex;
  std::unordered_map<std::string, Bucket> m_buckets;
  std::size_t m_takes_since_sweep = 0;
};

}  // namespace server::http
