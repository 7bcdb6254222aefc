#include "server/http/document_cache.h"

namespace server::http {

std::shared_ptr<const EncodedDocument> DocumentCache::find(const std::string& city_id, int revision) {
  std::lock_guard lock(m_mutex);
  const auto it = m_entries.find({city_id, revision});
  if (it == m_entries.end()) return nullptr;
  m_recent.splice(m_recent.begin(), m_recent, it->second.second);
  return it->second.first;
}

void DocumentCache::put(const std::string& city_id, int revision, std::shared_ptr<const EncodedDocument> document) {
  std::lock_guard lock(m_mutex);
  const Key key{city_id, revision};
  if (const auto it = m_entries.find(key); it != m_entries.end()) {
    it->second.first = std::move(document);
    return;
  }
  m_recent.push_front(key);
  m_entries.emplace(key, std::make_pair(std::move(document), m_recent.begin()));
  if (m_entries.size() > m_capacity) {
    m_entries.erase(m_recent.back());
    m_recent.pop_back();
  }
}

}  // namespace server::http
