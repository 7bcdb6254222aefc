// `top-exact` mode: proven optima of small Chao-format TOP instances, with a checked solution.
#include <chrono>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>

#include "bench/options.h"
#include "bench/top_exact.h"
#include "bench/top_file.h"

namespace bench {

int run_top_exact(const Options& options) {
  std::printf("instance,n,m,tmax,reachable,feasible_sets,optimum,seconds\n");
  ExactLimits limits;
  if (options.max_states > 0) limits.max_states = static_cast<std::size_t>(options.max_states);
  int status = 0;
  for (const std::string& path : options.files) {
    const TopFile f = read_top(path);
    const std::string name = instance_name(path, ".txt");
    const auto started = std::chrono::steady_clock::now();
    const ExactResult result = solve_top_exact(f, limits);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::string optimum;
    if (result.solved) {
      // The optimum is printed only with a solution that scores it and passes the same check as
      // the planner's solutions.
      try {
        const double score = verify_paths(f, result.paths);
        if (score != result.optimum)
          throw std::runtime_error("solution scores " + std::to_string(score));
        optimum = std::to_string(static_cast<long long>(result.optimum));
      } catch (const std::exception& e) {
        std::fprintf(
            stderr, "narrando-bench: %s: exact solution rejected: %s\n", name.c_str(), e.what());
        status = 1;
      }
    } else {
      std::fprintf(stderr,
                   "narrando-bench: %s: not solved (%s); best found %.0f\n",
                   name.c_str(),
                   result.reason.c_str(),
                   result.optimum);
    }
    std::printf("%s,%d,%d,%g,%d,%zu,%s,%.3f\n",
                name.c_str(),
                f.n,
                f.m,
                f.tmax,
                result.reachable,
                result.feasible_sets,
                optimum.c_str(),
                seconds);
    std::fflush(stdout);
  }
  return status;
}

}  // namespace bench
