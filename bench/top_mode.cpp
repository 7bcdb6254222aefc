// `top` mode: Chao-format Team Orienteering instances, verified with unrounded distances.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/deadline.h"
#include "bench/options.h"
#include "shared/planner/solver.h"

namespace bench {
namespace {

struct TopFile {
  int n = 0;
  int m = 0;
  double tmax = 0.0;
  std::vector<double> x, y, score;
};

TopFile read_top(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  TopFile f;
  std::string key;
  in >> key >> f.n >> key >> f.m >> key >> f.tmax;
  if (!in || f.n < 2 || f.m < 1) throw std::runtime_error("bad TOP header in " + path);
  for (int i = 0; i < f.n; ++i) {
    double x = 0, y = 0, s = 0;
    if (!(in >> x >> y >> s)) throw std::runtime_error("truncated TOP file " + path);
    f.x.push_back(x);
    f.y.push_back(y);
    f.score.push_back(s);
  }
  return f;
}

double euclid(const TopFile& f, int a, int b) {
  const double dx = f.x[static_cast<std::size_t>(a)] - f.x[static_cast<std::size_t>(b)];
  const double dy = f.y[static_cast<std::size_t>(a)] - f.y[static_cast<std::size_t>(b)];
  return std::sqrt(dx * dx + dy * dy);
}

core::planner::Problem make_problem(const TopFile& f) {
  core::planner::Problem p;
  p.travel = core::planner::CostMatrix(f.n);
  for (int i = 0; i < f.n; ++i) {
    for (int j = 0; j < f.n; ++j) p.travel(i, j) = euclid(f, i, j);
  }
  p.score = f.score;
  p.tour_count = f.m;
  p.budget.assign(static_cast<std::size_t>(f.m), f.tmax);
  p.ends.assign(static_cast<std::size_t>(f.m), core::planner::TourEnds{0, f.n - 1});
  // TOP ranks plans by score alone: the product's tie-break on even tour lengths is switched off
  // so that equal-score plans are compared on travel only, as in the literature.
  p.balance_weight = 0.0;
  return p;
}

// Recomputes everything from the file data; returns the score or throws on any violation.
double verify(const TopFile& f, const core::planner::Solution& s) {
  if (static_cast<int>(s.tours.size()) != f.m) throw std::runtime_error("wrong number of paths");
  std::vector<char> seen(static_cast<std::size_t>(f.n), 0);
  double total = 0.0;
  for (const auto& tour : s.tours) {
    double length = 0.0;
    int prev = 0;
    for (const int node : tour) {
      if (node <= 0 || node >= f.n - 1) throw std::runtime_error("path visits a depot or bad node");
      if (seen[static_cast<std::size_t>(node)] != 0) throw std::runtime_error("node visited twice");
      seen[static_cast<std::size_t>(node)] = 1;
      length += euclid(f, prev, node);
      total += f.score[static_cast<std::size_t>(node)];
      prev = node;
    }
    length += euclid(f, prev, f.n - 1);
    // An empty path is a team member who stays home; it is feasible even when the two depots
    // alone are farther apart than tmax (Chao's value-0 instances).
    if (!tour.empty() && length > f.tmax) {
      throw std::runtime_error("path length " + std::to_string(length) + " exceeds tmax " +
                               std::to_string(f.tmax));
    }
  }
  return total;
}

}  // namespace

int run_top(const Options& options) {
  std::printf("instance,n,m,tmax,score,seconds\n");
  int status = 0;
  for (const std::string& path : options.files) {
    const TopFile f = read_top(path);
    const core::planner::Problem problem = make_problem(f);
    const Deadline deadline(options.time_limit_ms);
    core::planner::SolveOptions solve_options;
    solve_options.seed = options.seed;
    solve_options.max_iterations = INT64_MAX;
    solve_options.stop = &deadline;
    const core::planner::Solution solution = core::planner::solve(problem, solve_options);
    const double seconds = deadline.elapsed_s();
    const std::string name = instance_name(path, ".txt");
    try {
      const double score = verify(f, solution);
      std::printf("%s,%d,%d,%g,%.0f,%.3f\n", name.c_str(), f.n, f.m, f.tmax, score, seconds);
      std::fflush(stdout);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "narrando-bench: %s: infeasible solution: %s\n", name.c_str(), e.what());
      status = 1;
    }
  }
  return status;
}

std::string instance_name(const std::string& path, const std::string& extension) {
  const std::size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.size() >= extension.size() &&
      name.compare(name.size() - extension.size(), extension.size(), extension) == 0) {
    name.resize(name.size() - extension.size());
  }
  return name;
}

}  // namespace bench
