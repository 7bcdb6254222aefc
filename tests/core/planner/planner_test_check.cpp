#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "tests/core/planner/planner_test_util.h"

namespace core::planner::testing {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

bool contains(const std::vector<int>& v, int x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool reported(const Solution& s, int node) {
  return std::any_of(s.unplaced.begin(), s.unplaced.end(), [node](const Unplaced& u) {
    return u.node == node && !u.reason.empty();
  });
}

std::vector<int> depots(const Problem& p) {
  std::vector<int> d;
  for (const TourEnds& e : p.ends) {
    if (e.start >= 0) d.push_back(e.start);
    if (e.end >= 0) d.push_back(e.end);
  }
  return d;
}

std::string check_tours(const Problem& p, const Solution& s, std::vector<int>& tour_of) {
  const std::vector<int> depot = depots(p);
  for (int t = 0; t < p.tour_count; ++t) {
    const std::vector<int>& tour = s.tours[at(t)];
    const bool frozen = !p.frozen.empty() && !p.frozen[at(t)].empty();
    if (frozen && tour != p.frozen[at(t)]) return "frozen tour changed";
    for (const int node : tour) {
      if (node < 0 || node >= p.travel.size()) return "node out of range";
      if (contains(depot, node)) return "a depot is visited as a stop";
      if (contains(p.must_exclude, node)) return "an excluded node is visited";
      if (tour_of[at(node)] >= 0) return "node " + std::to_string(node) + " visited twice";
      tour_of[at(node)] = t;
    }
    const double duration = tour_duration(p, t, tour);
    const double budget = p.budget[at(t)];
    if (!frozen && !tour.empty() && duration > budget + 1e-9 * (1.0 + budget)) {
      return "tour " + std::to_string(t) + " takes " + std::to_string(duration) + " > " +
             std::to_string(budget);
    }
  }
  return {};
}

// Shortest duration of a tour of index t over exactly the stops in `mask` (bit i = stops[i]).
double best_duration(const Problem& p, int t, const std::vector<int>& stops, unsigned mask) {
  if (mask == 0) return 0.0;
  const int s = static_cast<int>(stops.size());
  const TourEnds e = p.ends.empty() ? TourEnds{} : p.ends[at(t)];
  const auto leg = [&](int a, int b) { return a < 0 || b < 0 ? 0.0 : p.travel(a, b); };
  const std::size_t states = std::size_t{1} << at(s);
  std::vector<double> dp(states * at(s), kInf);
  for (int i = 0; i < s; ++i) {
    if ((mask >> at(i)) & 1U)
      dp[(std::size_t{1} << at(i)) * at(s) + at(i)] = leg(e.start, stops[at(i)]);
  }
  double best = kInf;
  for (unsigned sub = 1; sub <= mask; ++sub) {
    if ((sub & mask) != sub) continue;
    for (int last = 0; last < s; ++last) {
      const double here = dp[at(static_cast<int>(sub)) * at(s) + at(last)];
      if (here == kInf) continue;
      if (sub == mask) best = std::min(best, here + leg(stops[at(last)], e.end));
      for (int nx = 0; nx < s; ++nx) {
        if (((mask >> at(nx)) & 1U) == 0 || ((sub >> at(nx)) & 1U) != 0) continue;
        double& slot = dp[at(static_cast<int>(sub | (1U << at(nx)))) * at(s) + at(nx)];
        slot = std::min(slot, here + p.travel(stops[at(last)], stops[at(nx)]));
      }
    }
  }
  for (int i = 0; i < s; ++i) {
    if (((mask >> at(i)) & 1U) != 0 && !p.service.empty()) best += p.service[at(stops[at(i)])];
  }
  return best;
}

}  // namespace

std::string check_solution(const Problem& p, const Solution& s) {
  if (static_cast<int>(s.tours.size()) != p.tour_count) return "wrong number of tours";
  if (s.tour_cost.size() != s.tours.size()) return "wrong number of tour costs";
  std::vector<int> tour_of(at(p.travel.size()), -1);
  const std::string tours = check_tours(p, s, tour_of);
  if (!tours.empty()) return tours;
  for (const Lock& l : p.locks) {
    if (tour_of[at(l.node)] != l.tour && !reported(s, l.node))
      return "lock broken without a report";
  }
  const std::vector<int> depot = depots(p);
  for (const int node : p.must_include) {
    if (tour_of[at(node)] < 0 && !contains(depot, node) && !reported(s, node))
      return "required node missing without a report";
  }
  double score = 0.0;
  for (int node = 0; node < p.travel.size(); ++node)
    score += tour_of[at(node)] >= 0 ? p.score[at(node)] : 0.0;
  if (std::fabs(score - s.score) > 1e-6) return "score total is wrong";
  return {};
}

double brute_force_best_score(const Problem& p) {
  const std::vector<int> depot = depots(p);
  std::vector<int> stops;
  for (int i = 0; i < p.travel.size(); ++i) {
    if (!contains(depot, i)) stops.push_back(i);
  }
  const int s = static_cast<int>(stops.size());
  const unsigned subsets = 1U << at(s);
  std::vector<std::vector<char>> fits(at(p.tour_count), std::vector<char>(subsets, 0));
  for (int t = 0; t < p.tour_count; ++t) {
    for (unsigned mask = 0; mask < subsets; ++mask) {
      fits[at(t)][mask] = best_duration(p, t, stops, mask) <= p.budget[at(t)] + 1e-9 ? 1 : 0;
    }
  }
  double best = 0.0;
  std::vector<int> choice(at(s), 0);  // 0: unvisited, t+1: tour t
  for (;;) {
    std::vector<unsigned> masks(at(p.tour_count), 0U);
    double score = 0.0;
    for (int i = 0; i < s; ++i) {
      if (choice[at(i)] > 0) {
        masks[at(choice[at(i)] - 1)] |= 1U << at(i);
        score += p.score[at(stops[at(i)])];
      }
    }
    bool ok = true;
    for (int t = 0; t < p.tour_count; ++t) ok = ok && fits[at(t)][masks[at(t)]] != 0;
    if (ok) best = std::max(best, score);
    int digit = 0;
    while (digit < s && ++choice[at(digit)] > p.tour_count) choice[at(digit++)] = 0;
    if (digit == s) break;
  }
  return best;
}

double held_karp(const CostMatrix& m) {
  const int n = m.size();
  if (n <= 1) return 0.0;
  const std::size_t states = std::size_t{1} << at(n - 1);
  std::vector<double> dp(states * at(n), kInf);
  for (int j = 1; j < n; ++j) dp[(std::size_t{1} << at(j - 1)) * at(n) + at(j)] = m(0, j);
  for (std::size_t sub = 1; sub < states; ++sub) {
    for (int last = 1; last < n; ++last) {
      const double here = dp[sub * at(n) + at(last)];
      if (here == kInf) continue;
      for (int nx = 1; nx < n; ++nx) {
        const std::size_t bit = std::size_t{1} << at(nx - 1);
        if ((sub & bit) != 0) continue;
        double& slot = dp[(sub | bit) * at(n) + at(nx)];
        slot = std::min(slot, here + m(last, nx));
      }
    }
  }
  double best = kInf;
  for (int last = 1; last < n; ++last)
    best = std::min(best, dp[(states - 1) * at(n) + at(last)] + m(last, 0));
  return best;
}

}  // namespace core::planner::testing
