#include "server/pipeline/concurrent_calls.h"

#include <string>
#include <vector>

#include "server/errors.h"
#include "server/support/bounded_executor.h"

namespace server::pipeline {

void run_concurrently(RunContext& context,
                      std::size_t count,
                      const std::function<void(std::size_t index, RunContext& lane)>& task) {
  std::vector<RunContext> lanes;
  lanes.reserve(count);
  for (std::size_t i = 0; i < count; ++i) lanes.push_back(context.lane());
  const auto cancelled = [&context] { return context.cancel != nullptr && context.cancel->load(); };
  // Merged whatever happened: a call that was made is recorded (budget, cost, replay).
  const auto merge_all = [&] {
    for (RunContext& lane : lanes) context.merge(std::move(lane));
  };
  std::size_t ran = 0;
  try {
    ran = support::for_each_bounded(
        count,
        context.concurrency,
        [&](std::size_t index) { task(index, lanes[index]); },
        [&] { return !cancelled(); });
  } catch (...) {
    merge_all();
    throw;
  }
  merge_all();
  if (ran < count)
    throw CancelledError("stopped after " + std::to_string(ran) + " of " + std::to_string(count) +
                         " calls");
}

}  // namespace server::pipeline
