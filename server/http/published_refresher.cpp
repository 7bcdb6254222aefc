#include "server/http/published_refresher.h"

#include <exception>

#include "server/support/log.h"

namespace server::http {

PublishedRefresher::PublishedRefresher(service::ReadService& reads,
                                       PublishedPointers& pointers,
                                       const support::Clock& clock)
    : m_reads(reads), m_pointers(pointers), m_clock(clock), m_thread([this] { run(); }) {}

PublishedRefresher::~PublishedRefresher() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wake.notify_one();
  m_thread.join();
}

void PublishedRefresher::request(const std::string& city_id) {
  {
    std::lock_guard lock(m_mutex);
    if (m_queue.size() >= kQueueLimit) return;
    m_queue.push_back(city_id);
  }
  m_wake.notify_one();
}

void PublishedRefresher::run() {
  std::unique_lock lock(m_mutex);
  while (true) {
    m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
    if (m_stopping) return;
    const std::string city_id = std::move(m_queue.front());
    m_queue.pop_front();
    lock.unlock();
    refresh(city_id);
    lock.lock();
  }
}

void PublishedRefresher::refresh(const std::string& city_id) {
  // Stamped with the time the read began: what it returns was true at least from then on.
  const auto started = m_clock.steady_now();
  try {
    const auto city = m_reads.find_city(city_id);
    if (city && city->published_revision) {
      m_pointers.remember(city_id, *city->published_revision, started);
    } else {
      m_pointers.forget(city_id);  // unpublished or gone: the next reader asks the store
    }
  } catch (const std::exception& e) {
    // The entry keeps answering until kRefreshAllowance has passed, then readers ask the store.
    support::log(support::LogLevel::Warn,
                 "published revision refresh failed",
                 {{"city_id", city_id}, {"error", e.what()}});
  }
}

}  // namespace server::http
