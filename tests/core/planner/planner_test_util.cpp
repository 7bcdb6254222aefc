#include "tests/core/planner/planner_test_util.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <stdexcept>

#include "shared/planner/rng.h"

namespace core::planner::testing {
namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

double leg(const Problem& p, int from, int to) {
  return from < 0 || to < 0 ? 0.0 : p.travel(from, to);
}

TourEnds ends_of(const Problem& p, int t) {
  return p.ends.empty() ? TourEnds{} : p.ends[at(t)];
}

double service_of(const Problem& p, int node) {
  return p.service.empty() ? 0.0 : p.service[at(node)];
}

}  // namespace

Points random_points(int count, double side, std::uint64_t seed) {
  Rng rng(seed);
  Points points;
  for (int i = 0; i < count; ++i) {
    points.x.push_back(side * rng.uniform());
    points.y.push_back(side * rng.uniform());
  }
  return points;
}

Problem line_problem(const Points& points, int k, double budget) {
  Problem p;
  p.travel = euclidean(points);
  p.score.assign(points.x.size(), 1.0);
  p.score[0] = 0.0;
  p.tour_count = k;
  p.budget.assign(at(k), budget);
  p.ends.assign(at(k), TourEnds{0, 0});
  return p;
}

void put(TopState& state, int r, const std::vector<int>& stops) {
  for (const int node : stops) state.insert(r, state.stop_count(r) + 1, node);
}

CostMatrix euclidean(const Points& points) {
  const int n = static_cast<int>(points.x.size());
  CostMatrix m(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      const double dx = points.x[at(i)] - points.x[at(j)];
      const double dy = points.y[at(i)] - points.y[at(j)];
      m(i, j) = std::sqrt(dx * dx + dy * dy);
    }
  }
  return m;
}

Problem read_top(const std::string& file) {
  std::ifstream in(std::string(NARRANDO_TEST_DATA_DIR) + "/top/" + file);
  if (!in) throw std::runtime_error("missing test data " + file);
  std::string key;
  int n = 0;
  int m = 0;
  double tmax = 0.0;
  in >> key >> n >> key >> m >> key >> tmax;
  Points points;
  Problem p;
  for (int i = 0; i < n; ++i) {
    double x = 0.0, y = 0.0, s = 0.0;
    in >> x >> y >> s;
    points.x.push_back(x);
    points.y.push_back(y);
    p.score.push_back(s);
  }
  p.travel = euclidean(points);
  p.tour_count = m;
  p.budget.assign(at(m), tmax);
  p.ends.assign(at(m), TourEnds{0, n - 1});
  return p;
}

double proven_optimum(const std::string& instance) {
  std::ifstream in(std::string(NARRANDO_TEST_DATA_DIR) + "/top/proven_optima.csv");
  std::string line;
  while (std::getline(in, line)) {
    const auto comma = line.find(',');
    if (line.substr(0, comma) == instance) return std::stod(line.substr(comma + 1));
  }
  return -1.0;
}

double tour_duration(const Problem& problem, int t, const std::vector<int>& tour) {
  const TourEnds e = ends_of(problem, t);
  double total = 0.0;
  int prev = e.start;
  for (const int node : tour) {
    total += leg(problem, prev, node);
    total += service_of(problem, node);
    prev = node;
  }
  if (!tour.empty()) total += leg(problem, prev, e.end);
  return tour.empty() ? leg(problem, e.start, e.end) : total;
}

}  // namespace core::planner::testing
