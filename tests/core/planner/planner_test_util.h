#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "shared/planner/problem.h"

namespace core::planner::testing {

/// Points in the plane and their Euclidean travel matrix.
struct Points {
  std::vector<double> x;
  std::vector<double> y;
};

/// `count` pseudo-random points in [0, side)^2 (portable: the planner's own generator).
Points random_points(int count, double side, std::uint64_t seed);
/// Euclidean travel matrix of `points`.
CostMatrix euclidean(const Points& points);

/// A Chao-format TOP instance from tests/data/top as a Problem (depots: first and last row).
Problem read_top(const std::string& file);
/// Proven optimum of a tests/data/top instance, or -1 when none is listed.
double proven_optimum(const std::string& instance);

/// Empty when `solution` honours every constraint of `problem` (budgets with exact sums in
/// visiting order, disjointness, depots, exclusions, locks or their report, frozen tours,
/// must-include or its report, totals); otherwise what is wrong.
std::string check_solution(const Problem& problem, const Solution& solution);

/// Duration (travel + service) of `tour` (stops) of tour index `t`, ends included.
double tour_duration(const Problem& problem, int t, const std::vector<int>& tour);

/// Best (score, then -travel) over all plans, by exhaustive search. For n <= 8 nodes only.
/// Honours budgets, ends and free ends; ignores locks, frozen tours and exclusions.
double brute_force_best_score(const Problem& problem);

/// Length of the shortest closed tour (Held-Karp). For n <= 15.
double held_karp(const CostMatrix& matrix);

}  // namespace core::planner::testing
