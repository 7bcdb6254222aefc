#pragma once

#include <functional>
#include <future>
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
  void
  put(const std::string& city_id, int revision, std::shared_ptr<const EncodedDocument> document);
  /// The cached document, else the one `encode` makes, cached. However many callers miss the same
  /// key at once, `encode` runs once and the others wait for it: a city read by many phones as it
  /// is published is compressed once, not once per reader. What `encode` throws reaches every
  /// caller waiting for it, and nothing is cached.
  std::shared_ptr<const EncodedDocument>
  obtain(const std::string& city_id,
         int revision,
         const std::function<std::shared_ptr<const EncodedDocument>()>& encode);

 private:
  using Key = std::pair<std::string, int>;
  std::mutex m_mutex;
  std::size_t m_capacity;
  std::list<Key> m_recent;  // front: most recently used
  std::map<Key, std::pair<std::shared_ptr<const EncodedDocument>, std::list<Key>::iterator>>
      m_entries;
  std::map<Key, std::shared_future<std::shared_ptr<const EncodedDocument>>>
      m_encoding;  // by the first caller
};

}  // namespace server::http
