// `tsp` mode: TSPLIB EUC_2D / GEO instances with TSPLIB's integer distances.
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "bench/deadline.h"
#include "bench/options.h"
#include "bench/tsplib_reader.h"
#include "shared/planner/tsp.h"

namespace bench {
namespace {

// Recomputes the closed tour length from the file data; throws unless `order` is a permutation.
long long verify(const TsplibInstance& inst, const std::vector<int>& order) {
  const int n = static_cast<int>(inst.x.size());
  if (static_cast<int>(order.size()) != n)
    throw std::runtime_error("tour does not visit every city");
  std::vector<char> seen(static_cast<std::size_t>(n), 0);
  for (const int v : order) {
    if (v < 0 || v >= n || seen[static_cast<std::size_t>(v)] != 0)
      throw std::runtime_error("tour is not a permutation");
    seen[static_cast<std::size_t>(v)] = 1;
  }
  long long length = 0;
  for (int p = 0; p < n; ++p) {
    length += tsplib_distance(
        inst, order[static_cast<std::size_t>(p)], order[static_cast<std::size_t>((p + 1) % n)]);
  }
  return length;
}

}  // namespace

int run_tsp(const Options& options) {
  std::printf("instance,n,length,seconds\n");
  int status = 0;
  for (const std::string& path : options.files) {
    const TsplibInstance inst = read_tsplib(path);
    const int n = static_cast<int>(inst.x.size());
    const Deadline deadline(options.time_limit_ms);
    core::planner::CostMatrix matrix(n);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) matrix(i, j) = static_cast<double>(tsplib_distance(inst, i, j));
    }
    core::planner::SolveOptions solve_options;
    solve_options.seed = options.seed;
    solve_options.max_iterations = INT64_MAX;
    solve_options.stop = &deadline;
    const core::planner::TspResult result = core::planner::solve_tsp(matrix, solve_options);
    const double seconds = deadline.elapsed_s();
    const std::string name = instance_name(path, ".tsp");
    try {
      std::printf("%s,%d,%lld,%.3f\n", name.c_str(), n, verify(inst, result.order), seconds);
      std::fflush(stdout);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "narrando-bench: %s: invalid tour: %s\n", name.c_str(), e.what());
      status = 1;
    }
  }
  return status;
}

}  // namespace bench
