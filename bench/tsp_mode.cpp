// `tsp` mode: TSPLIB EUC_2D / GEO instances with TSPLIB's integer distances.
#include <cstdio>

#include "bench/options.h"

namespace bench {

int run_tsp(const Options& options) {
  (void)options;
  std::fprintf(stderr, "tsp mode not built yet\n");
  return 1;
}

}  // namespace bench
