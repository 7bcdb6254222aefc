#pragma once

#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "server/http/encoded_document.h"

namespace server::http {

/// Encoded city documents of published revisions, which never change once published, so an
/// entry keyed by (city id, revision) is valid forever. Bounded, least recently used out.
/// Thread-safe.
class DocumentCache {
 public:
  explicit DocumentCache(std::size_t capacity = 256) : m_capacity(capacity) {}

  /// The cached document, or null.
  std::shared_ptr<const EncodedDocument> find(const std::string& city_id, int revision);
  /// Caches `document` for (city_id, revision).
  void put(const std::string& city_id, int revision, std::shared_ptr<const EncodedDocument> document);

 private:
  using Key = std::pair<std::string, int>;
  std::mutex m_mutex;
  std::size_t m_capacity;
  std::list<Key> m_recent;  // front: most recently used
  std::map<Key, std::pair<std::shared_ptr<const EncodedDocument>, std::list<Key>::iterator>> m_entries;
};

}  // namespace server::http
