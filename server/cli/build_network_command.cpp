// `build-network`: OSM extracts -> a walking graph file (data/walking/*.nwg).
#include <chrono>
#include <cstdio>
#include <fstream>

#include "server/cli/commands.h"
#include "server/cli/osm_build_args.h"
#include "server/clients/osm_pbf_reader.h"
#include "server/offline/walking_networks.h"
#include "shared/errors.h"
#include "shared/routing/graph_builder.h"
#include "shared/routing/graph_codec.h"
#include "shared/routing/router.h"

namespace server::cli {

int build_network_command(const BuildNetworkArgs& args, std::ostream& out, std::ostream&) {
  if (!args.bbox && !args.city) {
    throw core::InputError("give the box: --bbox S,W,N,E or --city KEY", "invalid_arguments");
  }
  const std::vector<std::string>& pbfs = args.pbfs;
  const std::string& out_path = args.out;
  const auto started = std::chrono::steady_clock::now();
  core::routing::BuildOptions options;
  options.bbox =
      args.bbox ? parse_bbox(*args.bbox) : offline::network_bbox(embedded_city(*args.city));
  const std::string bbox_text = bbox_string(*options.bbox);
  const core::routing::BuildResult built =
      core::routing::build_walking_graph(clients::read_walkable_osm(pbfs), options);
  core::routing::GraphMetadata metadata;
  metadata.source = source_text(pbfs, bbox_text);
  metadata.source_checksum = clients::sha256_of_files(pbfs);
  const std::vector<std::uint8_t> bytes = core::routing::encode_graph(built.graph, metadata);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  // What the server will hold: the decoded graph (which also proves the bytes decode) and its
  // index.
  const core::routing::DecodedGraph decoded = core::routing::decode_graph(bytes);
  const std::size_t memory =
      decoded.graph.memory_bytes() + core::routing::Router(decoded.graph).memory_bytes();
  std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
  file.write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  if (!file.flush()) throw std::runtime_error("cannot write " + out_path);
  const core::routing::BuildStats& s = built.stats;
  char line[400];
  std::snprintf(
      line,
      sizeof line,
      "%s: %zu nodes, %zu edges, %.1f km of ways, %zu bytes (%zu in memory), %zu area crossings, "
      "%zu islands dropped (%.1f km), built in %.0f ms\n",
      out_path.c_str(),
      s.nodes,
      s.edges,
      s.metres / 1000.0,
      bytes.size(),
      memory,
      s.area_crossings,
      s.islands_dropped,
      s.island_metres_dropped / 1000.0,
      ms);
  out << line;
  return s.edges == 0 ? 1 : 0;
}

}  // namespace server::cli
