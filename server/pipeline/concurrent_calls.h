#pragma once

#include <cstddef>
#include <functional>

#include "server/pipeline/interfaces.h"

namespace server::pipeline {

/// Runs task(i, lane) for every i in [0, count), at most `context.concurrency` at once, each with
/// its own lane of `context` (shared call budget and cancel flag). The lanes' calls and notes are
/// then merged into `context` in index order, so the run trace and its replay do not depend on
/// which answer came first. After a task threw, or once the run is cancelled, no further task
/// starts; the exception of the lowest index is rethrown on the calling thread, and
/// server::CancelledError when the cancel left tasks unrun. Calls made are recorded either way.
void run_concurrently(RunContext& context,
                      std::size_t count,
                      const std::function<void(std::size_t index, RunContext& lane)>& task);

}  // namespace server::pipeline
