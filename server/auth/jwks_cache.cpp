#include "server/auth/jwks_cache.h"

#include <algorithm>

#include "server/auth/auth_errors.h"
#include "server/support/log.h"

namespace server::auth {
namespace {

std::shared_ptr<const PublicKey> lookup(const KeySet& keys, const std::string& kid) {
  const auto it = keys.find(kid);
  return it == keys.end() ? nullptr : it->second;
}

}  // namespace

JwksCache::JwksCache(JwksFetch fetch, JwksCacheSettings settings, const support::Clock& clock)
    : m_fetch(std::move(fetch)), m_settings(settings), m_clock(clock) {}

JwksCache::FetchTurn::FetchTurn(JwksCache& cache, std::chrono::milliseconds wait) : m_cache(cache) {
  std::unique_lock lock(m_cache.m_mutex);
  // Real time, not the cache's clock: this bounds how long a request waits on another one.
  m_held = m_cache.m_fetch_done.wait_for(lock, wait, [&] { return !m_cache.m_fetching; });
  if (m_held) m_cache.m_fetching = true;
}

JwksCache::FetchTurn::~FetchTurn() {
  if (!m_held) return;
  {
    std::lock_guard lock(m_cache.m_mutex);
    m_cache.m_fetching = false;
  }
  m_cache.m_fetch_done.notify_all();
}

JwksCache::State JwksCache::state() const {
  std::lock_guard lock(m_mutex);
  return m_state;
}

int JwksCache::fetches() const {
  return state().fetches;
}

std::shared_ptr<const PublicKey> JwksCache::find(const std::string& kid) {
  const auto now = m_clock.steady_now();
  const State current = state();
  const bool have = current.keys != nullptr;
  if (have && now - current.fetched_at < m_settings.ttl) {
    if (auto key = lookup(*current.keys, kid)) return key;  // the common case: no I/O
  } else if (have && now - current.fetched_at <= m_settings.max_stale) {
    if (auto key = lookup(*current.keys, kid)) {
      // Expired: the first request to notice refreshes; the others use the old key meanwhile.
      const FetchTurn turn(*this, std::chrono::milliseconds(0));
      if (!turn.held()) return key;
      return refresh_and_find(kid);
    }
  }
  const FetchTurn turn(*this, m_settings.max_wait_for_fetch);
  if (!turn.held()) {
    throw KeysUnavailable("the project's signing keys are being fetched; try again shortly",
                          std::chrono::seconds(1));
  }
  return refresh_and_find(kid);
}

std::shared_ptr<const PublicKey> JwksCache::refresh_and_find(const std::string& kid) {
  const auto now = m_clock.steady_now();
  State current = state();
  // Another request may have fetched while this one waited: min_refetch covers that too.
  const bool may_fetch =
      !current.last_attempt || now - *current.last_attempt >= m_settings.min_refetch;
  const bool fresh = current.keys && now - current.fetched_at < m_settings.ttl;
  const bool listed = current.keys && lookup(*current.keys, kid);
  if (may_fetch && !(fresh && listed)) {
    fetch_now(now);
    current = state();
  }
  if (current.keys && now - current.fetched_at <= m_settings.max_stale) {
    if (auto key = lookup(*current.keys, kid)) return key;
    if (!current.last_failed) return nullptr;  // the endpoint answered, and has no such key
  }
  if (!current.last_failed) return nullptr;
  const auto since = now - current.last_attempt.value_or(now);
  const auto wait =
      std::chrono::duration_cast<std::chrono::seconds>(m_settings.min_refetch - since);
  throw KeysUnavailable("the project's signing keys could not be fetched (" + current.last_error +
                            "); try again shortly",
                        std::max(wait, std::chrono::seconds(1)));
}

void JwksCache::fetch_now(support::Clock::SteadyTime now) {
  {
    std::lock_guard lock(m_mutex);
    m_state.last_attempt = now;
    ++m_state.fetches;
  }
  try {
    ParsedJwks parsed = parse_jwks(m_fetch());
    for (const std::string& skipped : parsed.skipped) {
      support::log(support::LogLevel::Info, "JWKS key skipped", {{"key", skipped}});
    }
    auto keys = std::make_shared<const KeySet>(std::move(parsed.keys));
    std::lock_guard lock(m_mutex);
    m_state.keys = std::move(keys);
    m_state.fetched_at = now;
    m_state.last_failed = false;
    m_state.last_error.clear();
  } catch (const std::exception& e) {
    support::log(support::LogLevel::Warn, "JWKS fetch failed", {{"error", e.what()}});
    std::lock_guard lock(m_mutex);
    m_state.last_failed = true;
    m_state.last_error = e.what();
  }
}

}  // namespace server::auth
