#pragma once

#include <cstddef>
#include <vector>

#include "shared/planner/problem.h"

namespace core::planner {

/// Index helper: vectors are indexed by int node ids throughout the planner.
inline std::size_t at(int index) {
  return static_cast<std::size_t>(index);
}

/// Relative tolerance on budgets during search: absorbs rounding of incremental sums. Plans are
/// checked exactly (sequential sums <= budget) before they are returned.
inline constexpr double kBudgetTolerance = 1e-10;
/// Differences below this are ties (costs and scores are O(1e0..1e5)).
inline constexpr double kEpsilon = 1e-9;

/// The Problem normalised for search: free ends become one virtual zero-cost node, scores of
/// required nodes get a bonus larger than all optional scores together, and each node knows
/// which tours may take it. Built once per solve; read-only afterwards.
struct Instance {
  int node_count = 0;     ///< n of the Problem
  int size = 0;           ///< node_count, plus one when a virtual free-end node exists
  int virtual_node = -1;  ///< index of the virtual free-end node, or -1
  int tour_count = 0;
  bool symmetric = true;
  std::vector<double> cost;      ///< size x size travel, row-major
  std::vector<double> service;   ///< per node; 0 for depots and the virtual node
  std::vector<double> score;     ///< search score: interest plus the required-node bonus
  std::vector<double> interest;  ///< the Problem's score (0 for depots)
  std::vector<char> required;    ///< must-include or locked (and not in a frozen tour)
  std::vector<double> budget;    ///< per tour
  std::vector<double> limit;     ///< per tour: budget plus the rounding tolerance
  std::vector<int> start;        ///< per tour, internal node
  std::vector<int> end;          ///< per tour, internal node
  std::vector<char> frozen;      ///< per tour
  std::vector<std::vector<int>> frozen_stops;  ///< per tour, the frozen visiting order (or empty)
  std::vector<char> allowed;          ///< size x tour_count: node may be a stop of that tour
  std::vector<double> trip;           ///< tour_count x size: least duration of any tour t through j
  std::vector<double> balance_scale;  ///< per tour: duration scale of the balance term
  std::vector<int> candidates;        ///< nodes some non-frozen tour may take
  std::vector<int> by_score;          ///< candidates by decreasing search score (ties: index)
  std::vector<int> neighbours;        ///< size x neighbour_count nearest candidates (-1 padded)
  int neighbour_count = 0;
  double balance_weight = 0.0;
  double mean_score = 1.0;   ///< mean interest of the candidates (temperature scale)
  double min_service = 0.0;  ///< shortest visit among the candidates

  /// Travel from `from` to `to`.
  double d(int from, int to) const { return cost[at(from * size + to)]; }
  /// True when `node` may be a stop of `tour`.
  bool may_visit(int node, int tour) const { return allowed[at(node * tour_count + tour)] != 0; }
  /// Lower bound on the duration of tour `tour` if it visits `node` (shortest paths, so it
  /// holds for matrices without the triangle inequality too).
  double least_trip(int node, int tour) const { return trip[at(tour * size + node)]; }
  /// Row of neighbour ids of `node` (neighbour_count entries, -1 padded).
  const int* neighbours_of(int node) const { return neighbours.data() + node * neighbour_count; }
};

/// Builds the search instance. Precondition: `problem` passed validate_problem().
Instance build_instance(const Problem& problem);

/// Throws std::invalid_argument when sizes disagree or an index is out of range.
void validate_problem(const Problem& problem);

}  // namespace core::planner
