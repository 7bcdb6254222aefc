#include "server/support/bounded_executor.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace server::support {

std::size_t for_each_bounded(std::size_t count,
                             int limit,
                             const std::function<void(std::size_t)>& task,
                             const std::function<bool()>& keep_going) {
  std::vector<std::exception_ptr> failures(count);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> ran{0};
  std::atomic<bool> stop{false};
  // Each thread takes the next index until none is left or the hand-out stopped; indices are
  // handed out in order, so with one thread this is the serial loop.
  const auto work = [&] {
    while (!stop.load()) {
      const std::size_t index = next.fetch_add(1);
      if (index >= count) return;
      if (keep_going && !keep_going()) {
        stop = true;
        return;
      }
      ran.fetch_add(1);
      try {
        task(index);
      } catch (...) {
        failures[index] = std::current_exception();  // each index is written by one thread only
        stop = true;
      }
    }
  };
  const std::size_t threads =
      std::min<std::size_t>(count, static_cast<std::size_t>(std::max(limit, 1)));
  {
    std::vector<std::jthread> helpers;
    helpers.reserve(threads > 0 ? threads - 1 : 0);
    for (std::size_t i = 1; i < threads; ++i) helpers.emplace_back(work);
    work();
  }  // the jthreads join here, before any failure is looked at
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  return ran.load();
}

}  // namespace server::support
