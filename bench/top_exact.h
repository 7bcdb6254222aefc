#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bench/top_file.h"

namespace bench {

/// Work limits of the exact solver; past one of them it gives up instead of running for hours.
struct ExactLimits {
  std::size_t max_states = 40'000'000;             ///< (node set, last node) labels over all layers
  std::uint64_t max_search_nodes = 2'000'000'000;  ///< steps of the packing search
};

/// What the exact solver found for one instance.
struct ExactResult {
  bool solved = false;  ///< false: a limit was reached and `optimum` is only a lower bound
  std::string reason;   ///< why it was not solved
  int reachable = 0;    ///< scoring nodes that one path can visit on its own
  std::size_t feasible_sets = 0;        ///< node sets that one path can visit within tmax
  std::size_t states = 0;               ///< labels kept by the path enumeration
  std::uint64_t search_nodes = 0;       ///< steps of the packing search
  double optimum = 0.0;                 ///< best total score (proven optimal when `solved`)
  std::vector<std::vector<int>> paths;  ///< a solution scoring `optimum`, rows in visiting order
};

/// Proves the optimum of a small TOP instance for the data exactly as written (tmax as in the
/// file, unrounded Euclidean distances): every node set one path can visit is enumerated, with
/// its shortest start-to-end order, and the best m disjoint sets are found by branch and bound.
ExactResult solve_top_exact(const TopFile& f, const ExactLimits& limits);

}  // namespace bench
