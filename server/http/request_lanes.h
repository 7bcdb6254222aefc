#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace server::http {

/// Threads that serve requests, in lanes: each lane has its own threads and queue, so a lane
/// kept for the liveness probe answers whatever keeps the others busy. Thread-safe.
class RequestLanes {
 public:
  /// One lane per entry, with that many threads (at least one each).
  explicit RequestLanes(const std::vector<int>& threads_per_lane);
  ~RequestLanes();
  RequestLanes(const RequestLanes&) = delete;
  RequestLanes& operator=(const RequestLanes&) = delete;

  /// Queues `task` on `lane`. Tasks queued before stop() all run.
  void submit(std::size_t lane, std::function<void()> task);
  /// True when tasks of `lane` wait for a thread (a hint: it may change at once).
  bool waiting(std::size_t lane) const {
    return m_lanes.at(lane)->queued.load(std::memory_order_relaxed) > 0;
  }
  /// Runs what is queued, then ends and joins every thread. Idempotent.
  void stop();

 private:
  struct Lane {
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<std::function<void()>> tasks;
    std::atomic<std::size_t> queued{0};  // tasks.size(), readable without the mutex
    bool stopping = false;
    std::vector<std::thread> threads;
  };
  static void work(Lane& lane);

  std::vector<std::unique_ptr<Lane>> m_lanes;
};

}  // namespace server::http
