// TopState's invariants, recomputed from the sequences: the search updates its caches move by
// move, and a move that forgets one corrupts every later decision without failing anything.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "shared/planner/top_state.h"

namespace core::planner {
namespace {

// Tours are refreshed with the same sums in the same order, so their caches match to rounding;
// the score is kept incrementally and may drift by rounding over a long search.
bool close(double cached, double recomputed, double relative) {
  return std::fabs(cached - recomputed) <= relative * (1.0 + std::fabs(recomputed));
}

std::string mismatch(const std::string& what, double cached, double recomputed) {
  return what + " is cached as " + std::to_string(cached) + " but recomputes to " +
         std::to_string(recomputed);
}

std::string node_name(int node) {
  return "node " + std::to_string(node);
}

std::string tour_name(int r) {
  return "tour " + std::to_string(r);
}

}  // namespace

std::string
TopState::route_divergence(int r, std::vector<int>& route_of, std::vector<int>& pos_of) const {
  const Instance& inst = *m_inst;
  const std::vector<int>& s = m_seq[at(r)];
  if (s.size() < 2 || s.front() != inst.start[at(r)] || s.back() != inst.end[at(r)]) {
    return tour_name(r) + " does not run from its start depot to its end depot";
  }
  const bool frozen = inst.frozen[at(r)] != 0;
  if (frozen && !std::equal(s.begin() + 1,
                            s.end() - 1,
                            inst.frozen_stops[at(r)].begin(),
                            inst.frozen_stops[at(r)].end())) {
    return tour_name(r) + " is frozen but its stops changed";
  }
  double travel = 0.0;
  double service = 0.0;
  for (std::size_t p = 0; p + 1 < s.size(); ++p) travel += inst.d(s[p], s[p + 1]);
  for (std::size_t p = 1; p + 1 < s.size(); ++p) {
    const int node = s[p];
    if (node < 0 || node >= inst.size) return tour_name(r) + " holds no such " + node_name(node);
    if (route_of[at(node)] >= 0) {
      return node_name(node) + " is a stop of " + tour_name(route_of[at(node)]) + " and of " +
             tour_name(r);
    }
    if (!frozen && !inst.may_visit(node, r)) {
      return node_name(node) + " may not be a stop of " + tour_name(r);
    }
    route_of[at(node)] = r;
    pos_of[at(node)] = static_cast<int>(p);
    service += inst.service[at(node)];
  }
  if (!close(m_travel[at(r)], travel, 1e-12)) {
    return mismatch("travel of " + tour_name(r), m_travel[at(r)], travel);
  }
  if (!close(m_service[at(r)], service, 1e-12)) {
    return mismatch("service of " + tour_name(r), m_service[at(r)], service);
  }
  const double cost = route_cost(r, travel, travel + service);
  if (!close(m_route_cost[at(r)], cost, 1e-12)) {
    return mismatch("tie-break cost of " + tour_name(r), m_route_cost[at(r)], cost);
  }
  return {};
}

std::string TopState::first_over_budget() const {
  for (int r = 0; r < route_count(); ++r) {
    if (m_inst->frozen[at(r)] == 0 && stop_count(r) > 0 && slack(r) < -kEpsilon) {
      return tour_name(r) + " takes " + std::to_string(duration(r)) + ", over its limit " +
             std::to_string(m_inst->limit[at(r)]);
    }
  }
  return {};
}

std::string TopState::first_divergence() const {
  const Instance& inst = *m_inst;
  std::vector<int> route_of(at(inst.size), -1);
  std::vector<int> pos_of(at(inst.size), -1);
  double score = 0.0;
  double secondary = 0.0;
  for (int r = 0; r < route_count(); ++r) {
    std::string problem = route_divergence(r, route_of, pos_of);
    if (!problem.empty()) return problem;
    secondary += m_route_cost[at(r)];
    if (inst.frozen[at(r)] != 0) continue;
    const std::vector<int>& s = m_seq[at(r)];
    for (std::size_t p = 1; p + 1 < s.size(); ++p) score += inst.score[at(s[p])];
  }
  for (int node = 0; node < inst.size; ++node) {
    if (m_route_of[at(node)] != route_of[at(node)] || m_pos_of[at(node)] != pos_of[at(node)]) {
      return node_name(node) + " is cached at position " + std::to_string(m_pos_of[at(node)]) +
             " of tour " + std::to_string(m_route_of[at(node)]) + " but sits at position " +
             std::to_string(pos_of[at(node)]) + " of tour " + std::to_string(route_of[at(node)]);
    }
  }
  if (!close(m_score, score, 1e-8)) return mismatch("score", m_score, score);
  if (!close(m_secondary, secondary, 1e-12)) {
    return mismatch("tie-break cost", m_secondary, secondary);
  }
  return {};
}

void TopState::check_invariants(const char* after) const {
  const std::string problem = first_divergence();
  if (!problem.empty()) throw std::logic_error(std::string(after) + ": " + problem);
}

}  // namespace core::planner
