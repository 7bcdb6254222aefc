#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

/// Command-line settings shared by the modes.
struct Options {
  std::vector<std::string> files;     ///< instance files (top, tsp modes)
  std::int64_t time_limit_ms = 1000;  ///< per instance
  std::uint64_t seed = 1;             ///< planner seed (and city generator seed)
  int points = 300;                   ///< city mode
  int tours = 4;                      ///< city mode
  double budget_min = 180.0;          ///< city mode
  bool time_limit_given = false;      ///< city mode: also run for time_limit_ms and report the gap
  std::int64_t iterations = -1;       ///< city mode: max_iterations of the first run (-1: default)
  std::int64_t max_states = 0;        ///< top-exact mode: label limit (0: the solver's default)
};

/// `top` mode: prints instance,n,m,tmax,score,seconds; returns the process exit code.
int run_top(const Options& options);
/// `top-exact` mode: prints instance,n,m,tmax,reachable,feasible_sets,optimum,seconds.
int run_top_exact(const Options& options);
/// `tsp` mode: prints instance,n,length,seconds; returns the process exit code.
int run_tsp(const Options& options);
/// `city` mode: synthetic city, default effort (and optionally a long run); returns the exit code.
int run_city(const Options& options);
/// `network` mode: walking graph build time and size, matrix times, per city with an extract
/// (files[0]: the extracts' folder, default ../shared/data/osm/pbf).
int run_network(const Options& options);

/// `walks` mode: walks every leg of the city documents in `files` on their city's embedded street
/// network and prints, per city, planned and street km and the tours over budget on foot.
int run_walks(const Options& options);

/// `basemap` mode: the embedded offline basemaps' sizes, decode time and the console's per-frame
/// basemap scene time (needs the console's core library).
int run_basemap(const Options& options);

/// File name without directories and without `extension`.
std::string instance_name(const std::string& path, const std::string& extension);

}  // namespace bench
