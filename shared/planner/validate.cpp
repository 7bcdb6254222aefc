#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "shared/planner/instance.h"

namespace core::planner {
namespace {

void require(bool condition, const std::string& message) {
  if (!condition) {
    throw std::invalid_argument("planner: " + message);
  }
}

bool valid_node(int node, int n) {
  return node >= 0 && node < n;
}

void validate_values(const Problem& problem, int n) {
  for (int i = 0; i < n; ++i) {
    const double s = problem.score[at(i)];
    require(std::isfinite(s) && s >= 0.0, "score of node " + std::to_string(i) + " must be >= 0");
    if (!problem.service.empty()) {
      const double v = problem.service[at(i)];
      require(std::isfinite(v) && v >= 0.0,
              "service of node " + std::to_string(i) + " must be >= 0");
    }
    const double* row = problem.travel.row(i);
    for (int j = 0; j < n; ++j) {
      require(std::isfinite(row[j]) && row[j] >= 0.0, "travel costs must be finite and >= 0");
    }
  }
  for (const double b : problem.budget) {
    require(std::isfinite(b) && b >= 0.0, "budgets must be finite and >= 0");
  }
  require(std::isfinite(problem.balance_weight) && problem.balance_weight >= 0.0,
          "balance_weight must be >= 0");
}

void validate_frozen(const Problem& problem, int n) {
  std::vector<char> seen(at(n), 0);
  std::vector<char> depot(at(n), 0);
  for (const TourEnds& e : problem.ends) {
    if (e.start != kFreeEnd) depot[at(e.start)] = 1;
    if (e.end != kFreeEnd) depot[at(e.end)] = 1;
  }
  for (const std::vector<int>& tour : problem.frozen) {
    for (const int node : tour) {
      require(valid_node(node, n), "frozen node out of range");
      require(seen[at(node)] == 0,
              "node " + std::to_string(node) + " appears twice in frozen tours");
      require(depot[at(node)] == 0, "frozen tours must not list a tour start or end");
      seen[at(node)] = 1;
    }
  }
}

}  // namespace

void validate_problem(const Problem& problem) {
  const int n = problem.travel.size();
  const int k = problem.tour_count;
  require(n >= 0, "negative matrix size");
  require(problem.score.size() == at(n), "score size must equal the matrix size");
  require(problem.service.empty() || problem.service.size() == at(n),
          "service size must equal the matrix size (or be empty)");
  require(k >= 1, "tour_count must be >= 1");
  require(problem.budget.size() == at(k), "budget size must equal tour_count");
  require(problem.ends.empty() || problem.ends.size() == at(k), "ends size must equal tour_count");
  require(problem.frozen.empty() || problem.frozen.size() == at(k),
          "frozen size must equal tour_count (or be empty)");
  require(problem.allowed_stops.empty() || problem.allowed_stops.size() == at(k),
          "allowed_stops size must equal tour_count (or be empty)");
  for (const std::vector<char>& zone : problem.allowed_stops) {
    require(zone.empty() || zone.size() == at(n),
            "each allowed_stops entry must be empty or cover every node");
  }
  for (const TourEnds& e : problem.ends) {
    require(e.start == kFreeEnd || valid_node(e.start, n), "tour start out of range");
    require(e.end == kFreeEnd || valid_node(e.end, n), "tour end out of range");
  }
  for (const int node : problem.must_include)
    require(valid_node(node, n), "must_include out of range");
  for (const int node : problem.must_exclude)
    require(valid_node(node, n), "must_exclude out of range");
  for (const Lock& lock : problem.locks) {
    require(valid_node(lock.node, n), "lock node out of range");
    require(lock.tour >= 0 && lock.tour < k, "lock tour out of range");
  }
  validate_values(problem, n);
  validate_frozen(problem, n);
}

}  // namespace core::planner
