#include "shared/planner/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace core::planner {
namespace {

std::string minutes(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.1f", std::round(value * 10.0) / 10.0);
  std::string text(buffer);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text + " min";
}

std::string tour_name(int t) {
  return "tour " + std::to_string(t + 1);
}

bool is_depot(const Problem& problem, int node) {
  return std::any_of(problem.ends.begin(), problem.ends.end(), [node](const TourEnds& e) {
    return e.start == node || e.end == node;
  });
}

int frozen_tour_of(const Problem& problem, int node) {
  for (std::size_t t = 0; t < problem.frozen.size(); ++t) {
    const auto& tour = problem.frozen[t];
    if (std::find(tour.begin(), tour.end(), node) != tour.end()) return static_cast<int>(t);
  }
  return -1;
}

// Reason when the stop alone overruns every tour it may use (`only` >= 0 restricts to one tour).
std::string alone_reason(const Instance& inst, int node, int only) {
  double best_excess = 0.0;
  std::string reason;
  for (int t = 0; t < inst.tour_count; ++t) {
    if ((only >= 0 && t != only) || inst.frozen[at(t)] != 0) continue;
    const double trip = inst.least_trip(node, t);
    const double budget = inst.budget[at(t)];
    if (trip <= inst.limit[at(t)]) return {};
    if (reason.empty() || trip - budget < best_excess) {
      best_excess = trip - budget;
      const bool free_start =
          inst.start[at(t)] == inst.virtual_node && inst.end[at(t)] == inst.virtual_node;
      reason = "cannot fit: " +
               std::string(free_start ? "the visit alone takes "
                                      : "a round trip from the start to this stop alone takes ") +
               minutes(trip) + ", budget is " + minutes(budget);
    }
  }
  return reason.empty() ? "cannot fit: every tour that may take it is frozen" : reason;
}

std::string missing_reason(const Problem& problem, const Instance& inst, int node, int lock_tour) {
  if (std::find(problem.must_exclude.begin(), problem.must_exclude.end(), node) !=
      problem.must_exclude.end()) {
    return "conflict: it is both required and excluded";
  }
  const int frozen_in = frozen_tour_of(problem, node);
  if (frozen_in >= 0)
    return "it is frozen in " + tour_name(frozen_in) + ", not in " + tour_name(lock_tour);
  if (lock_tour >= 0 && inst.frozen[at(lock_tour)] != 0) {
    return "it is locked to " + tour_name(lock_tour) + ", which is frozen without it";
  }
  const std::string alone = alone_reason(inst, node, lock_tour);
  if (!alone.empty()) return alone;
  return "cannot fit together with the other required stops within the tour budgets";
}

void report_missing(const Problem& problem,
                    const Instance& inst,
                    const TopState& state,
                    Solution& solution) {
  std::vector<int> lock(at(inst.node_count), -1);
  std::vector<char> reported(at(inst.node_count), 0);
  for (const Lock& l : problem.locks) {
    if (is_depot(problem, l.node)) {
      solution.unplaced.push_back({l.node, "it is a tour start or end, not a stop"});
      continue;
    }
    if (lock[at(l.node)] >= 0 && lock[at(l.node)] != l.tour) {
      solution.unplaced.push_back({l.node,
                                   "locked to " + tour_name(lock[at(l.node)]) + " and " +
                                       tour_name(l.tour) + "; a stop can be in one tour only"});
      continue;
    }
    lock[at(l.node)] = l.tour;
  }
  for (int node = 0; node < inst.node_count; ++node) {
    const int t = lock[at(node)];
    if (t < 0 || reported[at(node)] != 0) continue;
    reported[at(node)] = 1;
    if (state.route_of(node) == t || frozen_tour_of(problem, node) == t) continue;
    solution.unplaced.push_back({node, missing_reason(problem, inst, node, t)});
  }
  for (const int node : problem.must_include) {
    if (reported[at(node)] != 0 || is_depot(problem, node)) continue;
    reported[at(node)] = 1;
    if (state.route_of(node) >= 0 || frozen_tour_of(problem, node) >= 0) continue;
    solution.unplaced.push_back({node, missing_reason(problem, inst, node, -1)});
  }
}

}  // namespace

Solution make_solution(const Problem& problem, const Instance& instance, const TopState& state) {
  Solution solution;
  for (int r = 0; r < state.route_count(); ++r) {
    const std::vector<int>& seq = state.seq(r);
    solution.tours.emplace_back(seq.begin() + 1, seq.end() - 1);
    solution.tour_cost.push_back(state.duration(r));
    solution.travel += state.travel(r);
    for (std::size_t p = 1; p + 1 < seq.size(); ++p)
      solution.score += instance.interest[at(seq[p])];
    if (instance.frozen[at(r)] == 0 && seq.size() == 2 &&
        state.duration(r) > instance.budget[at(r)]) {
      solution.warnings.push_back(
          tour_name(r) + " is empty: going from its start to its end alone takes " +
          minutes(state.duration(r)) + ", budget is " + minutes(instance.budget[at(r)]));
    }
    if (instance.frozen[at(r)] != 0 && state.duration(r) > instance.budget[at(r)]) {
      solution.warnings.push_back(tour_name(r) + " is frozen and takes " +
                                  minutes(state.duration(r)) + ", over its budget of " +
                                  minutes(instance.budget[at(r)]));
    }
  }
  report_missing(problem, instance, state, solution);
  return solution;
}

}  // namespace core::planner
