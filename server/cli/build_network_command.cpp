// `build-network`: OSM extracts -> a walking graph file (data/walking/*.nwg).
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "server/cli/commands.h"
#include "server/clients/osm_pbf_reader.h"
#include "server/offline/walking_networks.h"
#include "shared/errors.h"
#include "shared/routing/graph_builder.h"
#include "shared/routing/graph_codec.h"
#include "shared/routing/router.h"

namespace server::cli {
namespace {

core::model::BoundingBox parse_bbox(const std::string& text) {
  double values[4] = {0, 0, 0, 0};
  std::size_t start = 0;
  for (int i = 0; i < 4; ++i) {
    const std::size_t end = i < 3 ? text.find(',', start) : text.size();
    if (end == std::string::npos) break;
    const auto [ptr, error] = std::from_chars(text.data() + start, text.data() + end, values[i]);
    if (error != std::errc() || ptr != text.data() + end) {
      throw core::InputError("--bbox must be S,W,N,E in degrees, got \"" + text + "\"", "invalid_arguments");
    }
    start = end + 1;
  }
  if (start != text.size() + 1 || values[0] >= values[2] || values[1] >= values[3]) {
    throw core::InputError("--bbox must be S,W,N,E with S < N and W < E, got \"" + text + "\"", "invalid_arguments");
  }
  return {{values[0], values[1]}, {values[2], values[3]}};
}

core::model::BoundingBox city_bbox(const std::string& key) {
  for (const offline::EmbeddedCity& city : offline::EmbeddedCatalogue::builtin().cities()) {
    if (city.key == key) return offline::network_bbox(city);
  }
  throw core::InputError("--city: no embedded city \"" + key + "\" (see narrando-server cities)", "invalid_arguments");
}

std::string bbox_string(const core::model::BoundingBox& box) {
  char text[96];
  std::snprintf(text, sizeof text, "%.5f,%.5f,%.5f,%.5f", box.low.lat_deg, box.low.lon_deg, box.high.lat_deg,
                box.high.lon_deg);
  return text;
}

std::string source_text(const std::vector<std::string>& paths, const std::string& bbox) {
  std::string text;
  for (const std::string& path : paths) {
    text += (text.empty() ? "" : "+") + std::filesystem::path(path).filename().string();
  }
  return text + "; bbox " + bbox;
}

}  // namespace

int build_network_command(const BuildNetworkArgs& args, std::ostream& out, std::ostream&) {
  if (!args.bbox && !args.city) {
    throw core::InputError("give the box: --bbox S,W,N,E or --city KEY", "invalid_arguments");
  }
  const std::vector<std::string>& pbfs = args.pbfs;
  const std::string& out_path = args.out;
  const auto started = std::chrono::steady_clock::now();
  core::routing::BuildOptions options;
  options.bbox = args.bbox ? parse_bbox(*args.bbox) : city_bbox(*args.city);
  const std::string bbox_text = bbox_string(*options.bbox);
  const core::routing::BuildResult built = core::routing::build_walking_graph(clients::read_walkable_osm(pbfs), options);
  core::routing::GraphMetadata metadata;
  metadata.source = source_text(pbfs, bbox_text);
  metadata.source_checksum = clients::sha256_of_files(pbfs);
  const std::vector<std::uint8_t> bytes = core::routing::encode_graph(built.graph, metadata);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  // What the server will hold: the decoded graph (which also proves the bytes decode) and its index.
  const core::routing::DecodedGraph decoded = core::routing::decode_graph(bytes);
  const std::size_t memory = decoded.graph.memory_bytes() + core::routing::Router(decoded.graph).memory_bytes();
  std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
  file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!file.flush()) throw std::runtime_error("cannot write " + out_path);
  const core::routing::BuildStats& s = built.stats;
  char line[400];
  std::snprintf(line, sizeof line,
                "%s: %zu nodes, %zu edges, %.1f km of ways, %zu bytes (%zu in memory), %zu area crossings, "
                "%zu islands dropped (%.1f km), built in %.0f ms\n",
                out_path.c_str(), s.nodes, s.edges, s.metres / 1000.0, bytes.size(), memory,
                s.area_crossings, s.islands_dropped, s.island_metres_dropped / 1000.0, ms);
  out << line;
  return s.edges == 0 ? 1 : 0;
}

}  // namespace server::cli
