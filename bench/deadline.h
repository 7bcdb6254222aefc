#pragma once

#include <chrono>
#include <cstdint>

#include "shared/planner/solver.h"

namespace bench {

/// StopToken that fires once a wall-clock limit has passed since construction.
class Deadline final : public core::planner::StopToken {
 public:
  /// Starts the clock now; `limit_ms` <= 0 never fires.
  explicit Deadline(std::int64_t limit_ms);
  /// True once the limit has passed.
  bool stop_requested() const override;
  /// Seconds since construction.
  double elapsed_s() const;

 private:
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_end;
  bool m_enabled;
};

}  // namespace bench
