#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "server/auth/jwks.h"
#include "server/support/clock.h"

namespace server::auth {

/// Where a token's public key comes from: the JWKS cache, or a fixed set.
class KeySource {
 public:
  virtual ~KeySource() = default;
  /// The key named `kid`, or nullptr when the project has no such key. Throws KeysUnavailable
  /// when the keys cannot be had. Thread-safe.
  virtual std::shared_ptr<const PublicKey> find(const std::string& kid) = 0;
};

/// How long fetched keys are trusted, and how often the endpoint may be asked.
struct JwksCacheSettings {
  /// Keys are refetched once older than this.
  std::chrono::seconds ttl{600};
  /// Never two fetches closer than this (forged kids, outages).
  std::chrono::seconds min_refetch{30};
  /// While fetches fail, expired keys still serve up to this age.
  std::chrono::seconds max_stale{86400};
  /// A request without a usable key waits this long (real time) for a fetch under way, then
  /// gets KeysUnavailable: a hanging endpoint cannot hold every HTTP thread.
  std::chrono::milliseconds max_wait_for_fetch{5000};
};

/// Fetches the JWKS document; throws (any std::exception, key-free message) when it cannot.
using JwksFetch = std::function<std::string()>;

/**
 * The project's signing keys, fetched on first use and cached. A key found in fresh keys costs
 * a shared_ptr copy under a mutex, no I/O. Keys older than the TTL are refetched by the one
 * request that finds them so (others keep using them meanwhile); a kid the keys lack causes one
 * refetch; no two fetches are closer than min_refetch, so forged kids cannot make the server
 * hammer the endpoint. When a fetch fails, keys up to max_stale old still serve; without any,
 * find() throws KeysUnavailable (503) until a fetch succeeds, and a request that needs a fetch
 * another one is making waits for it at most max_wait_for_fetch. Time from `clock`. Thread-safe.
 */
class JwksCache : public KeySource {
 public:
  JwksCache(JwksFetch fetch,
            JwksCacheSettings settings,
            const support::Clock& clock = support::system_clock());

  std::shared_ptr<const PublicKey> find(const std::string& kid) override;
  /// Fetches attempted so far (successful or not).
  int fetches() const;

 private:
  struct State {
    std::shared_ptr<const KeySet> keys;  // null before the first successful fetch
    support::Clock::SteadyTime fetched_at{};
    std::optional<support::Clock::SteadyTime> last_attempt;
    bool last_failed = false;
    std::string last_error;
    int fetches = 0;
  };
  /// The right to fetch, held by one request at a time; released when destroyed.
  class FetchTurn {
   public:
    FetchTurn(JwksCache& cache, std::chrono::milliseconds wait);
    ~FetchTurn();
    FetchTurn(const FetchTurn&) = delete;
    FetchTurn& operator=(const FetchTurn&) = delete;
    bool held() const { return m_held; }

   private:
    JwksCache& m_cache;
    bool m_held = false;
  };

  State state() const;
  // With the fetch turn held: fetches when min_refetch allows, then looks `kid` up.
  std::shared_ptr<const PublicKey> refresh_and_find(const std::string& kid);
  void fetch_now(support::Clock::SteadyTime now);

  JwksFetch m_fetch;
  JwksCacheSettings m_settings;
  const support::Clock& m_clock;
  // One fetch at a time: a flag and a condition under m_mutex rather than a std::timed_mutex,
  // whose try_lock_for (pthread_mutex_clocklock) GCC 12's ThreadSanitizer does not intercept.
  mutable std::mutex m_mutex;
  std::condition_variable m_fetch_done;
  bool m_fetching = false;
  State m_state;
};

}  // namespace server::auth
