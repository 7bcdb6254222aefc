#include "server/http/rate_limit.h"

#include <algorithm>
#include <cmath>

namespace server::http {
namespace {

// Full buckets are dropped every this many takes, so a stream of one-off callers (each new app
// user) cannot grow the table without bound.
constexpr std::size_t kSweepEvery = 4096;

}  // namespace

RateLimiter::RateLimiter(int per_hour, int burst, const support::Clock& clock)
    : m_per_second(std::max(per_hour, 1) / 3600.0), m_burst(std::max(burst, 1)), m_clock(clock) {}

std::optional<std::chrono::seconds> RateLimiter::take(const std::string& caller) {
  const auto now = m_clock.steady_now();
  std::lock_guard lock(m_mutex);
  if (++m_takes_since_sweep >= kSweepEvery) forget_full(now);
  const auto [it, inserted] = m_buckets.try_emplace(caller, Bucket{m_burst, now});
  Bucket& bucket = it->second;
  const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  bucket.tokens = std::min(m_burst, bucket.tokens + std::max(elapsed, 0.0) * m_per_second);
  bucket.updated = now;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return std::nullopt;
  }
  return std::chrono::seconds(static_cast<long>(std::ceil((1.0 - bucket.tokens) / m_per_second)));
}

std::size_t RateLimiter::callers() const {
  std::lock_guard lock(m_mutex);
  return m_buckets.size();
}

void RateLimiter::forget_full(support::Clock::SteadyTime now) {
  m_takes_since_sweep = 0;
  std::erase_if(m_buckets, [&](const auto& entry) {
    const double elapsed = std::chrono::duration<double>(now - entry.second.updated).count();
    return entry.second.tokens + elapsed * m_per_second >= m_burst;
  });
}

}  // namespace server::http
