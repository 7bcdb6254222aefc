// `network` mode: per embedded city with an OSM extract, the walking graph's build time and size
// and the router's matrix time for 50, 100 and 300 candidate points.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "bench/options.h"
#include "server/clients/osm_pbf_reader.h"
#include "server/offline/embedded_catalogue.h"
#include "server/offline/walking_networks.h"
#include "shared/planner/rng.h"
#include "shared/routing/graph_builder.h"
#include "shared/routing/graph_codec.h"
#include "shared/routing/router.h"

namespace bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// `count` points: the city's candidates in a seeded random order, then (when there are fewer)
// candidates again, moved up to 150 m in a random direction.
std::vector<core::model::GeoPoint>
candidate_points(const std::vector<const server::offline::EmbeddedPoi*>& pois,
                 int count,
                 core::planner::Rng& rng) {
  std::vector<core::model::GeoPoint> all;
  for (const auto* poi : pois) all.push_back(poi->attraction.location);
  for (std::size_t i = all.size(); i > 1; --i)
    std::swap(all[i - 1], all[static_cast<std::size_t>(rng.below(static_cast<int>(i)))]);
  std::vector<core::model::GeoPoint> points;
  for (int i = 0; i < count; ++i) {
    core::model::GeoPoint p = all[static_cast<std::size_t>(i) % all.size()];
    if (static_cast<std::size_t>(i) >= all.size()) {
      p.lat_deg += (rng.uniform() - 0.5) * 2.0 * 150.0 / 111195.0;
      p.lon_deg += (rng.uniform() - 0.5) * 2.0 * 150.0 / 111195.0 /
                   std::cos(p.lat_deg * 3.14159265358979 / 180.0);
    }
    points.push_back(p);
  }
  return points;
}

// CPU time of this process in ms: on a machine shared with other work, wall time also counts
// the time other processes held the cores.
double cpu_ms() {
  return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

struct Timing {
  double cpu_ms;
  double wall_ms;
};

// Medians of `runs` matrix computations (the workspace is warm after the first).
Timing matrix_ms(const core::routing::Router& router,
                 const std::vector<core::model::GeoPoint>& points,
                 int runs,
                 std::size_t& unsnapped) {
  core::routing::RouterWorkspace workspace;
  std::vector<double> wall;
  std::vector<double> cpu;
  for (int run = 0; run < runs; ++run) {
    const auto start = Clock::now();
    const double cpu_start = cpu_ms();
    const core::routing::NetworkMatrix m = router.matrix(points, {}, workspace);
    cpu.push_back(cpu_ms() - cpu_start);
    wall.push_back(ms_since(start));
    unsnapped = m.unsnapped.size();
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {cpu[cpu.size() / 2], wall[wall.size() / 2]};
}

}  // namespace

int run_network(const Options& options) {
  const std::string pbf_dir =
      options.files.empty() ? "../shared/data/osm/pbf" : options.files.front();
  const auto& catalogue = server::offline::EmbeddedCatalogue::builtin();
  std::printf(
      "Matrix times: CPU ms (wall ms), median of 7 runs (3 for 300 points), one thread.\n\n");
  std::printf("| city | nodes | edges | file bytes | in memory | build ms | decode ms | matrix 50 "
              "| matrix 100 | matrix 300 | unsnapped of 300 |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const server::offline::EmbeddedCity& city : catalogue.cities()) {
    std::vector<std::string> paths;
    for (const std::string& name : server::offline::extract_files_of(catalogue, city.key)) {
      paths.push_back((std::filesystem::path(pbf_dir) / name).string());
    }
    if (paths.empty() || !std::all_of(paths.begin(), paths.end(), [](const auto& p) {
          return std::filesystem::exists(p);
        })) {
      continue;
    }
    const auto start = Clock::now();
    core::routing::BuildOptions build;
    build.bbox = server::offline::network_bbox(city);
    const core::routing::BuildResult built =
        core::routing::build_walking_graph(server::clients::read_walkable_osm(paths), build);
    const std::vector<std::uint8_t> encoded = core::routing::encode_graph(built.graph, {});
    const double build_ms = ms_since(start);
    // What the server pays on a city's first use: decode the embedded bytes, index the edges.
    const auto decode_start = Clock::now();
    const core::routing::DecodedGraph decoded = core::routing::decode_graph(encoded);
    const core::routing::Router router(decoded.graph);
    const double decode_ms = ms_since(decode_start);
    core::planner::Rng rng(options.seed);
    const auto pois = catalogue.pois_of(city.key);
    Timing times[3] = {};
    std::size_t unsnapped = 0;
    const int sizes[3] = {50, 100, 300};
    for (int i = 0; i < 3; ++i) {
      times[i] = matrix_ms(
          router, candidate_points(pois, sizes[i], rng), sizes[i] == 300 ? 3 : 7, unsnapped);
    }
    std::printf("| %s | %zu | %zu | %zu | %zu | %.0f | %.1f | %.1f (%.1f) | %.1f (%.1f) | %.1f "
                "(%.1f) | %zu |\n",
                city.key.c_str(),
                decoded.graph.nodes().size(),
                decoded.graph.edges().size(),
                encoded.size(),
                decoded.graph.memory_bytes() + router.memory_bytes(),
                build_ms,
                decode_ms,
                times[0].cpu_ms,
                times[0].wall_ms,
                times[1].cpu_ms,
                times[1].wall_ms,
                times[2].cpu_ms,
                times[2].wall_ms,
                unsnapped);
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace bench
