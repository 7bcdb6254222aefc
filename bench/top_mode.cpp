// `top` mode: Chao-format Team Orienteering instances, verified with unrounded distances.
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/deadline.h"
#include "bench/options.h"
#include "bench/top_file.h"
#include "shared/planner/solver.h"

namespace bench {
namespace {

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
      const double score = verify_paths(f, solution.tours);
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
