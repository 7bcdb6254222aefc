#pragma once

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
  /// Runs what is queued, then ends and joins every thread. Idempotent.
  void stop();

 private:
  struct Lane {
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<std::function<void()>> tasks;
    bool stopping = false;
    std::vector<std::thread> threads;
  };
  static void work(Lane& lane);

  std::vector<std::unique_ptr<Lane>> m_lanes;
};

}  // namespace server::http
