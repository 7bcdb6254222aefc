// `build-network`: OSM extracts -> a walking graph file (data/walking/*.nwg).
#include <chrono>
#include <cstdio>
#include <fstream>

#include "server/cli/args.h"
#include "server/cli/commands.h"
#include "server/cli/osm_build_args.h"
#include "server/clients/osm_pbf_reader.h"
#include "server/offline/walking_networks.h"
#include "shared/errors.h"
#include "shared/routing/graph_builder.h"
#include "shared/routing/graph_codec.h"
#include "shared/routing/router.h"

namespace server::cli {
namespace {

constexpr const char* kUsage =
    "usage: narrando-server build-network --pbf FILE [--pbf FILE ...] (--bbox S,W,N,E | --city KEY)\n"
    "                                     --out FILE\n"
    "  Builds the walking graph (OSRM foot profile) of the extracts' segments with an end inside the\n"
    "  box and writes it (layout in shared/routing/graph_codec.h). Earlier --pbf files win where\n"
    "  extracts overlap. --city KEY takes the box of an embedded city: its candidates' box plus\n"
    "  500 m (scripts/build-walking-data.py builds data/walking/ this way).\n";

}  // namespace

int build_network_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const Args parsed(args, {"pbf", "bbox", "city", "out"}, {"help"});
  if (parsed.has("help")) {
    out << kUsage;
    return 0;
  }
  const std::vector<std::string> pbfs = parsed.values("pbf");
  const auto out_path = parsed.value("out");
  if (pbfs.empty() || !out_path || parsed.value("bbox").has_value() == parsed.value("city").has_value()) {
    err << kUsage;
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  core::routing::BuildOptions options;
  options.bbox = parsed.value("bbox") ? parse_bbox(*parsed.value("bbox")) : offline::network_bbox(embedded_city(*parsed.value("city")));
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
  std::ofstream file(*out_path, std::ios::binary | std::ios::trunc);
  file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!file.flush()) throw std::runtime_error("cannot write " + *out_path);
  const core::routing::BuildStats& s = built.stats;
  char line[400];
  std::snprintf(line, sizeof line,
                "%s: %zu nodes, %zu edges, %.1f km of ways, %zu bytes (%zu in memory), %zu area crossings, "
                "%zu islands dropped (%.1f km), built in %.0f ms\n",
                out_path->c_str(), s.nodes, s.edges, s.metres / 1000.0, bytes.size(), memory,
                s.area_crossings, s.islands_dropped, s.island_metres_dropped / 1000.0, ms);
  out << line;
  return s.edges == 0 ? 1 : 0;
}

}  // namespace server::cli
