#include "server/http/request_lanes.h"

#include <algorithm>

namespace server::http {

RequestLanes::RequestLanes(const std::vector<int>& threads_per_lane) {
  for (const int threads : threads_per_lane) {
    auto lane = std::make_unique<Lane>();
    for (int i = 0; i < std::max(threads, 1); ++i)
      lane->threads.emplace_back([raw = lane.get()] { work(*raw); });
    m_lanes.push_back(std::move(lane));
  }
}

RequestLanes::~RequestLanes() {
  stop();
}

void RequestLanes::submit(std::size_t lane, std::function<void()> task) {
  Lane& chosen = *m_lanes.at(lane);
  {
    std::lock_guard lock(chosen.mutex);
    chosen.tasks.push_back(std::move(task));
    chosen.queued.store(chosen.tasks.size(), std::memory_order_relaxed);
  }
  chosen.ready.notify_one();
}

void RequestLanes::stop() {
  for (auto& lane : m_lanes) {
    {
      std::lock_guard lock(lane->mutex);
      lane->stopping = true;
    }
    lane->ready.notify_all();
  }
  for (auto& lane : m_lanes) {
    for (std::thread& thread : lane->threads) {
      if (thread.joinable()) thread.join();
    }
  }
}

void RequestLanes::work(Lane& lane) {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock lock(lane.mutex);
      lane.ready.wait(lock, [&] { return lane.stopping || !lane.tasks.empty(); });
      if (lane.tasks.empty()) return;  // stopping, and nothing left
      task = std::move(lane.tasks.front());
      lane.tasks.pop_front();
      lane.queued.store(lane.tasks.size(), std::memory_order_relaxed);
    }
    task();
  }
}

}  // namespace server::http
