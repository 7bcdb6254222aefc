#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "server/http/published_pointers.h"
#include "server/service/read_service.h"
#include "server/support/clock.h"

namespace server::http {

/// Reads again, on a thread of its own, which revision of a city is published, for the entries
/// that PublishedPointers says have expired: the app's request that noticed the expiry answers
/// from memory at once instead of waiting for the database (whose round trip, on a busy machine
/// or a remote database, is the slowest part of such a request). Thread-safe.
class PublishedRefresher {
 public:
  /// At most this many cities wait to be refreshed; past it a request is dropped (its entry then
  /// answers from the store after PublishedPointers::kRefreshAllowance).
  static constexpr std::size_t kQueueLimit = 4096;

  /// Starts the thread. `reads`, `pointers` and `clock` (which stamps the reads) must outlive
  /// this object.
  PublishedRefresher(service::ReadService& reads,
                     PublishedPointers& pointers,
                     const support::Clock& clock = support::system_clock());
  /// Stops the thread; waiting refreshes are dropped.
  ~PublishedRefresher();
  PublishedRefresher(const PublishedRefresher&) = delete;
  PublishedRefresher& operator=(const PublishedRefresher&) = delete;

  /// Queues `city_id` for a refresh and returns at once.
  void request(const std::string& city_id);

 private:
  void run();
  void refresh(const std::string& city_id);

  service::ReadService& m_reads;
  PublishedPointers& m_pointers;
  const support::Clock& m_clock;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::string> m_queue;
  bool m_stopping = false;
  std::thread m_thread;  // last: started once everything above exists
};

}  // namespace server::http
