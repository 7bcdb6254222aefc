#pragma once

#include <utility>
#include <vector>

#include "shared/planner/instance.h"

namespace core::planner {

/// Scratch buffers of one TOP solve, sized once so that the search loop never allocates.
struct Workspace {
  /// Buffers sized for `instance`.
  explicit Workspace(const Instance& instance)
      : fwd(at(instance.size + 2), 0.0), bwd(at(instance.size + 2), 0.0),
        ins_delta(at(instance.size) * at(instance.tour_count), 0.0),
        ins_pos(at(instance.size) * at(instance.tour_count), -1), blocked(at(instance.size), 0),
        noise(at(instance.size), 1.0), dirty(at(instance.tour_count), 1),
        open(at(instance.tour_count), 0) {
    pool.reserve(at(instance.size));
    removed.reserve(at(instance.size));
    order.reserve(at(instance.size));
  }

  std::vector<double> fwd;        ///< prefix travel along a sequence
  std::vector<double> bwd;        ///< prefix travel along a sequence walked backwards
  std::vector<int> pool;          ///< unvisited candidates being inserted
  std::vector<double> ins_delta;  ///< node x tour: best insertion travel delta (+inf: none)
  std::vector<int> ins_pos;       ///< node x tour: position of that best insertion
  std::vector<int> removed;       ///< nodes taken out by the last ruin
  std::vector<char> blocked;      ///< per node: kept out of the current recreate
  std::vector<double> noise;      ///< per node: random factor on its insertion priority
  std::vector<char> dirty;        ///< per tour: changed since its last reordering
  std::vector<char> open;         ///< per tour: may still take a stop in the current recreate
  std::vector<std::pair<double, int>> order;  ///< sort buffer
};

}  // namespace core::planner
