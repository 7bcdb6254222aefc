#include "server/http/document_cache.h"

namespace server::http {

std::shared_ptr<const EncodedDocument> DocumentCache::find(const std::string& city_id,
                                                           int revision) {
  std::lock_guard lock(m_mutex);
  const auto it = m_entries.find({city_id, revision});
  if (it == m_entries.end()) return nullptr;
  m_recent.splice(m_recent.begin(), m_recent, it->second.second);
  return it->second.first;
}

void DocumentCache::put(const std::string& city_id,
                        int revision,
                        std::shared_ptr<const EncodedDocument> document) {
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

std::shared_ptr<const EncodedDocument>
DocumentCache::obtain(const std::string& city_id,
                      int revision,
                      const std::function<std::shared_ptr<const EncodedDocument>()>& encode) {
  if (auto cached = find(city_id, revision)) return cached;
  const Key key{city_id, revision};
  std::promise<std::shared_ptr<const EncodedDocument>> made;
  std::shared_future<std::shared_ptr<const EncodedDocument>> pending;
  bool mine = false;
  {
    std::lock_guard lock(m_mutex);
    if (const auto it = m_entries.find(key); it != m_entries.end()) return it->second.first;
    const auto [it, inserted] = m_encoding.try_emplace(key);
    if (inserted) it->second = made.get_future().share();
    pending = it->second;
    mine = inserted;
  }
  if (!mine) return pending.get();  // another caller encodes it
  try {
    auto document = encode();
    put(city_id, revision, document);
    made.set_value(document);
    std::lock_guard lock(m_mutex);
    m_encoding.erase(key);
    return document;
  } catch (...) {
    made.set_exception(std::current_exception());
    std::lock_guard lock(m_mutex);
    m_encoding.erase(key);
    throw;
  }
}

}  // namespace server::http
