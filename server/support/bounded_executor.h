#pragma once

#include <cstddef>
#include <functional>

namespace server::support {

/// Runs task(i) for every i in [0, count) on at most `limit` threads (the calling thread is one
/// of them; `limit` < 1 counts as 1) and returns when every started task has finished. Before a
/// task starts, `keep_going` (when set) is asked; false, or a task that threw, stops the hand-out
/// of further tasks. No exception escapes a worker thread: the one of the lowest index is
/// rethrown here, on the calling thread. Returns how many tasks ran. With limit 1 it is a plain
/// loop on the calling thread.
std::size_t for_each_bounded(std::size_t count,
                             int limit,
                             const std::function<void(std::size_t)>& task,
                             const std::function<bool()>& keep_going = {});

}  // namespace server::support
