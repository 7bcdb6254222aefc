#pragma once

#include <cstdint>

#include "shared/planner/problem.h"

namespace core::planner {

/// Lets a caller with a clock end a search early; the core library itself never reads a clock.
class StopToken {
 public:
  virtual ~StopToken() = default;
  /// True once the search should return its best solution. Must be cheap and thread-safe.
  virtual bool stop_requested() const = 0;
};

/// Search controls. Without a stop token the search is fully deterministic for a given seed.
struct SolveOptions {
  std::uint64_t seed = 1;
  std::int64_t max_iterations = -1;  ///< -1: the solver's default effort for the instance size
  const StopToken* stop = nullptr;   ///< optional early stop (wall-clock limits in tools)
};

/// Plans K disjoint tours maximising total score, then minimising travel, within each budget.
/// Pure; deterministic for a given seed when `options.stop` is null. Throws std::invalid_argument
/// on inconsistent input (sizes that disagree, indices out of range).
Solution solve(const Problem& problem, const SolveOptions& options);

}  // namespace core::planner
