// narrando-bench: measures the planner on published TOP / TSPLIB instances and synthetic cities.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "bench/options.h"

namespace {

void usage() {
  std::fprintf(
      stderr,
      "usage: narrando-bench top FILE... [--time-limit-ms N] [--seed S]\n"
      "       narrando-bench top-exact FILE... [--max-states N]\n"
      "       narrando-bench tsp FILE... [--time-limit-ms N] [--seed S]\n"
      "       narrando-bench city [--points N] [--tours K] [--budget MIN] [--time-limit-ms N]\n"
      "                           [--seed S] [--iterations N]\n"
      "       narrando-bench network [PBF_DIR] [--seed S]\n"
      "       narrando-bench walks CITY.json...\n"
      "       narrando-bench basemap\n"
      "  network: per embedded city with an OSM extract (in PBF_DIR, default "
      "../shared/data/osm/pbf):\n"
      "           walking graph build ms and bytes, matrix ms for 50/100/300 candidate points.\n"
      "  walks:   every leg of generated city documents (generate --json) walked on the city's\n"
      "           embedded street network: planned vs street km, tours over budget on foot.\n"
      "  --time-limit-ms: per instance (default 1000). In city mode the default-effort plan is\n"
      "                   always made; with this flag a second, time-limited run is made and\n"
      "                   the gap of the default plan to it is printed.\n"
      "  --iterations:    city mode: iterations of the first run instead of the default effort\n"
      "                   (for calibration; still deterministic).\n"
      "  --max-states:    top-exact mode: give up on an instance past N path labels\n"
      "                   (default 40,000,000, about 1 GB).\n");
}

bool parse(int argc, char** argv, bench::Options& options) {
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg.rfind("--", 0) != 0) {
      options.files.push_back(arg);
    } else if (!has_value) {
      return false;
    } else if (arg == "--time-limit-ms") {
      options.time_limit_ms = std::stoll(argv[++i]);
      options.time_limit_given = true;
    } else if (arg == "--seed") {
      options.seed = std::stoull(argv[++i]);
    } else if (arg == "--points") {
      options.points = std::stoi(argv[++i]);
    } else if (arg == "--tours") {
      options.tours = std::stoi(argv[++i]);
    } else if (arg == "--iterations") {
      options.iterations = std::stoll(argv[++i]);
    } else if (arg == "--max-states") {
      options.max_states = std::stoll(argv[++i]);
    } else if (arg == "--budget") {
      options.budget_min = std::stod(argv[++i]);
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage();
    return 2;
  }
  const std::string mode = argv[1];
  bench::Options options;
  try {
    if (!parse(argc, argv, options)) {
      usage();
      return 2;
    }
    if (mode == "top") return bench::run_top(options);
    if (mode == "top-exact") return bench::run_top_exact(options);
    if (mode == "tsp") return bench::run_tsp(options);
    if (mode == "city") return bench::run_city(options);
    if (mode == "network") return bench::run_network(options);
    if (mode == "walks") return bench::run_walks(options);
#ifdef NARRANDO_BENCH_BASEMAP
    if (mode == "basemap") return bench::run_basemap(options);
#endif
  } catch (const std::exception& e) {
    std::fprintf(stderr, "narrando-bench: %s\n", e.what());
    return 1;
  }
  usage();
  return 2;
}
