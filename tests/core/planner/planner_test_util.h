#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "shared/planner/problem.h"
#include "shared/planner/top_state.h"

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
/// `k` tours of `budget` from and back to node 0 over `points`; every other node scores 1.
Problem line_problem(const Points& points, int k, double budget);
/// Appends `stops` to tour `r` of `state`.
void put(TopState& state, int r, const std::vector<int>& stops);

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
