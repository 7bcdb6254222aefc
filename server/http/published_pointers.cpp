#include "server/http/published_pointers.h"

namespace server::http {

PublishedPointers::Lookup PublishedPointers::lookup(const std::string& city_id,
                                                    Clock::time_point now) {
  if (m_ttl.count() <= 0) return {};
  std::lock_guard lock(m_mutex);
  const auto it = m_entries.find(city_id);
  if (it == m_entries.end()) return {};
  Entry& entry = it->second;
  const auto age = now - entry.read_at;
  if (age < m_ttl) return {entry.revision, false};
  if (age >= m_ttl + kRefreshAllowance) return {};
  const bool first = !entry.refreshing;
  entry.refreshing = true;  // one refresh per expiry; everyone keeps the old answer meanwhile
  return {entry.revision, first};
}

void PublishedPointers::remember(const std::string& city_id, int revision, Clock::time_point now) {
  if (m_ttl.count() <= 0) return;
  std::lock_guard lock(m_mutex);
  if (m_entries.size() >= m_capacity && !m_entries.contains(city_id)) {
    // Full (many cities read within one time to live): expired entries go first, else all;
    // the cost is one store read per city.
    std::erase_if(m_entries,
                  [&](const auto& entry) { return now - entry.second.read_at >= m_ttl; });
    if (m_entries.size() >= m_capacity) m_entries.clear();
  }
  m_entries[city_id] = {revision, now};
}

void PublishedPointers::forget(const std::string& city_id) {
  std::lock_guard lock(m_mutex);
  m_entries.erase(city_id);
}

}  // namespace server::http
