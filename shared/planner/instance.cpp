#include "shared/planner/instance.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "shared/planner/neighbours.h"

namespace core::planner {
namespace {

// Longer lists cost time in every move; 20 covers the useful exchanges on city-like data.
constexpr int kNeighbourCount = 20;

void copy_costs(const Problem& problem, Instance& inst) {
  const int n = inst.node_count;
  inst.cost.assign(at(inst.size) * at(inst.size), 0.0);
  for (int i = 0; i < n; ++i) {
    const double* row = problem.travel.row(i);
    std::copy(row, row + n, inst.cost.begin() + static_cast<std::ptrdiff_t>(i) * inst.size);
    for (int j = 0; j < i; ++j) {
      if (row[j] != problem.travel(j, i)) inst.symmetric = false;
    }
  }
}

void set_ends(const Problem& problem, Instance& inst, std::vector<char>& depot) {
  const int k = inst.tour_count;
  inst.start.assign(at(k), inst.virtual_node);
  inst.end.assign(at(k), inst.virtual_node);
  for (int t = 0; t < k && !problem.ends.empty(); ++t) {
    const TourEnds& e = problem.ends[at(t)];
    if (e.start != kFreeEnd) {
      inst.start[at(t)] = e.start;
      depot[at(e.start)] = 1;
    }
    if (e.end != kFreeEnd) {
      inst.end[at(t)] = e.end;
      depot[at(e.end)] = 1;
    }
  }
}

// Shortest travel from `source` to every node (`forward`) or from every node to it, by dense
// Dijkstra: O(size^2), and valid whether or not the matrix obeys the triangle inequality.
std::vector<double> shortest(const Instance& inst, int source, bool forward) {
  const auto n = at(inst.size);
  std::vector<double> dist(n, std::numeric_limits<double>::infinity());
  std::vector<char> done(n, 0);
  dist[at(source)] = 0.0;
  for (std::size_t step = 0; step < n; ++step) {
    std::size_t u = n;
    for (std::size_t v = 0; v < n; ++v) {
      if (done[v] == 0 && (u == n || dist[v] < dist[u])) u = v;
    }
    done[u] = 1;
    const int ui = static_cast<int>(u);
    for (std::size_t v = 0; v < n; ++v) {
      const int vi = static_cast<int>(v);
      const double via = dist[u] + (forward ? inst.d(ui, vi) : inst.d(vi, ui));
      if (via < dist[v]) dist[v] = via;
    }
  }
  return dist;
}

void set_trips(Instance& inst) {
  inst.trip.assign(at(inst.tour_count) * at(inst.size), 0.0);
  for (int t = 0; t < inst.tour_count; ++t) {
    const std::vector<double> out = shortest(inst, inst.start[at(t)], true);
    const std::vector<double> back = shortest(inst, inst.end[at(t)], false);
    for (int j = 0; j < inst.size; ++j) {
      inst.trip[at(t * inst.size + j)] = out[at(j)] + inst.service[at(j)] + back[at(j)];
    }
  }
}

// Per node: the tour it is locked to (first lock wins), or -1.
std::vector<int> lock_tours(const Problem& problem, int n) {
  std::vector<int> lock(at(n), -1);
  for (const Lock& l : problem.locks) {
    if (lock[at(l.node)] < 0) lock[at(l.node)] = l.tour;
  }
  return lock;
}

bool outside_zone(const Problem& problem, int node, int tour) {
  if (problem.allowed_stops.empty()) return false;
  const std::vector<char>& zone = problem.allowed_stops[at(tour)];
  return !zone.empty() && zone[at(node)] == 0;
}

void set_permissions(const Problem& problem, Instance& inst, const std::vector<char>& depot) {
  const int n = inst.node_count;
  const int k = inst.tour_count;
  std::vector<char> blocked(depot);
  for (const int node : problem.must_exclude) blocked[at(node)] = 1;
  for (const std::vector<int>& tour : problem.frozen) {
    for (const int node : tour) blocked[at(node)] = 1;
  }
  const std::vector<int> lock = lock_tours(problem, n);
  inst.allowed.assign(at(inst.size) * at(k), 0);
  for (int j = 0; j < n; ++j) {
    if (blocked[at(j)] != 0) continue;
    bool any = false;
    for (int t = 0; t < k; ++t) {
      if (inst.frozen[at(t)] != 0 || (lock[at(j)] >= 0 && lock[at(j)] != t)) continue;
      if (outside_zone(problem, j, t)) continue;
      if (inst.least_trip(j, t) <= inst.limit[at(t)]) {
        inst.allowed[at(j * k + t)] = 1;
        any = true;
      }
    }
    if (any) inst.candidates.push_back(j);
  }
  for (const int node : problem.must_include) {
    if (blocked[at(node)] == 0) inst.required[at(node)] = 1;
  }
  for (const Lock& l : problem.locks) {
    if (blocked[at(l.node)] == 0) inst.required[at(l.node)] = 1;
  }
}

void set_scores(Instance& inst) {
  double total = 0.0;
  for (const int j : inst.candidates) total += inst.interest[at(j)];
  inst.min_service = inst.candidates.empty() ? 0.0 : inst.service[at(inst.candidates.front())];
  for (const int j : inst.candidates)
    inst.min_service = std::min(inst.min_service, inst.service[at(j)]);
  inst.mean_score = inst.candidates.empty()
                        ? 1.0
                        : std::max(total / static_cast<double>(inst.candidates.size()), 1e-6);
  // One more required stop must outweigh any set of optional stops.
  const double bonus = total + 1.0;
  inst.score = inst.interest;
  for (const int j : inst.candidates) {
    if (inst.required[at(j)] != 0) inst.score[at(j)] += bonus;
  }
  inst.by_score = inst.candidates;
  std::stable_sort(inst.by_score.begin(), inst.by_score.end(), [&inst](int a, int b) {
    return inst.score[at(a)] > inst.score[at(b)];
  });
}

// The balance term divides squared durations by a typical tour duration: the budget when the
// budgets bind, or the share of all visits (plus a short hop each) when everything would fit.
// Dividing by a far-off budget would make balancing negligible in small cities.
void set_balance_scale(Instance& inst) {
  double need = 0.0;
  for (const int j : inst.candidates) {
    const int nearest = inst.neighbour_count > 0 ? inst.neighbours_of(j)[0] : -1;
    need += inst.service[at(j)] + (nearest >= 0 ? inst.d(j, nearest) : 0.0);
  }
  const double share = need / static_cast<double>(inst.tour_count);
  for (const double b : inst.budget)
    inst.balance_scale.push_back(share > 0.0 ? std::min(b, share) : b);
}

}  // namespace

Instance build_instance(const Problem& problem) {
  Instance inst;
  const int n = problem.travel.size();
  inst.node_count = n;
  inst.tour_count = problem.tour_count;
  bool free_end = problem.ends.empty();
  for (const TourEnds& e : problem.ends)
    free_end = free_end || e.start == kFreeEnd || e.end == kFreeEnd;
  inst.size = free_end ? n + 1 : n;
  inst.virtual_node = free_end ? n : -1;
  inst.balance_weight = problem.balance_weight;
  inst.budget = problem.budget;
  for (const double b : inst.budget) inst.limit.push_back(b + kBudgetTolerance * (1.0 + b));
  copy_costs(problem, inst);
  std::vector<char> depot(at(inst.size), 0);
  set_ends(problem, inst, depot);
  if (free_end) depot[at(n)] = 1;
  inst.service.assign(at(inst.size), 0.0);
  inst.interest.assign(at(inst.size), 0.0);
  inst.required.assign(at(inst.size), 0);
  for (int j = 0; j < n; ++j) {
    if (depot[at(j)] != 0) continue;
    inst.service[at(j)] = problem.service.empty() ? 0.0 : problem.service[at(j)];
    inst.interest[at(j)] = problem.score[at(j)];
  }
  inst.frozen.assign(at(inst.tour_count), 0);
  inst.frozen_stops.assign(at(inst.tour_count), {});
  for (std::size_t t = 0; t < problem.frozen.size(); ++t) inst.frozen_stops[t] = problem.frozen[t];
  for (std::size_t t = 0; t < problem.frozen.size(); ++t)
    inst.frozen[t] = problem.frozen[t].empty() ? 0 : 1;
  set_trips(inst);
  set_permissions(problem, inst, depot);
  set_scores(inst);
  inst.neighbour_count =
      std::min(kNeighbourCount, std::max(0, static_cast<int>(inst.candidates.size()) - 1));
  inst.neighbours =
      nearest_neighbours(inst.cost.data(), inst.size, inst.candidates, inst.neighbour_count);
  set_balance_scale(inst);
  return inst;
}

}  // namespace core::planner
