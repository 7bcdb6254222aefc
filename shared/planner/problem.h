#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "shared/planner/cost_matrix.h"

namespace core::planner {

/// Marks a tour end that the planner chooses freely (the tour starts or ends at a visited node).
inline constexpr int kFreeEnd = -1;

/// Where one tour starts and ends: node indices, or kFreeEnd.
struct TourEnds {
  int start = kFreeEnd;
  int end = kFreeEnd;
};

/// An editor's lock: `node` must be visited by tour `tour`.
struct Lock {
  int node = 0;
  int tour = 0;
};

/// A Team Orienteering Problem with the product's constraints. Nodes are 0..n-1; nodes named
/// in `ends` are depots (never visited as stops, score ignored).
struct Problem {
  CostMatrix travel;              ///< travel cost between nodes (minutes in the product)
  std::vector<double> score;      ///< interest of visiting each node, >= 0
  std::vector<double> service;    ///< time spent at each node, counted in the budget
  int tour_count = 1;             ///< K
  std::vector<double> budget;     ///< per tour: travel + service must stay <= budget
  std::vector<TourEnds> ends;     ///< per tour
  std::vector<int> must_include;  ///< nodes that must be in some tour
  std::vector<int> must_exclude;  ///< nodes that must not be visited
  std::vector<Lock> locks;        ///< nodes fixed in a given tour (order free)
  std::vector<std::vector<int>>
      frozen;  ///< per tour (or empty): if non-empty, the exact visiting order
  /// Per tour (or empty): a flag per node, non-zero where that tour may visit the node (a tour's
  /// zone); an empty entry allows every node.
  std::vector<std::vector<char>> allowed_stops;
  /// Weight of the tie-break that evens tour durations (sum of duration^2 / budget) against travel.
  double balance_weight = 1.0;
};

/// A node the planner could not place although it had to.
struct Unplaced {
  int node = 0;
  std::string reason;
};

/// K ordered tours (stops only, depots excluded) and their totals.
struct Solution {
  std::vector<std::vector<int>> tours;
  std::vector<double> tour_cost;   ///< travel + service per tour
  double score = 0.0;              ///< total collected score
  double travel = 0.0;             ///< total travel cost (service excluded)
  std::vector<Unplaced> unplaced;  ///< must-include nodes or locks that could not be honoured
  std::vector<std::string>
      warnings;  ///< other notes for editors, e.g. a frozen tour over its budget
};

}  // namespace core::planner
