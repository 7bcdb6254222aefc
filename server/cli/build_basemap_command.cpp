// `build-basemap`: OSM extracts -> a vector basemap file (data/basemap/*.nbm).
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>

#include "server/cli/commands.h"
#include "server/cli/osm_build_args.h"
#include "server/clients/osm_basemap_reader.h"
#include "server/clients/osm_pbf_reader.h"
#include "server/offline/basemaps.h"
#include "shared/basemap/basemap_builder.h"
#include "shared/basemap/basemap_codec.h"
#include "shared/errors.h"
#include "shared/routing/graph_codec.h"

namespace server::cli {
namespace {

std::string kind_counts(const core::basemap::BasemapStats& stats) {
  std::string text;
  for (int k = 0; k < core::basemap::kFeatureKindCount; ++k) {
    text += (k ? " " : "") +
            std::string(core::basemap::kind_name(static_cast<core::basemap::FeatureKind>(k))) +
            "=" + std::to_string(stats.features[static_cast<std::size_t>(k)]);
  }
  return text;
}

}  // namespace

int build_basemap_command(const BuildBasemapArgs& args, std::ostream& out, std::ostream&) {
  if (!args.bbox && !args.city) {
    throw core::InputError("give the box: --bbox S,W,N,E or --city KEY", "invalid_arguments");
  }
  const std::vector<std::string>& pbfs = args.pbfs;
  const std::string& out_path = args.out;
  const auto started = std::chrono::steady_clock::now();
  const core::model::BoundingBox box =
      args.bbox ? parse_bbox(*args.bbox) : offline::basemap_bbox(embedded_city(*args.city));
  core::basemap::BasemapMetadata metadata{core::routing::kOsmAttribution,
                                          source_text(pbfs, bbox_string(box)),
                                          clients::sha256_of_files(pbfs)};
  const core::basemap::BuiltBasemap built =
      core::basemap::build_basemap(clients::read_basemap_osm(pbfs), box, std::move(metadata));
  const std::vector<std::uint8_t> bytes = core::basemap::encode_basemap(built.basemap);
  (void)core::basemap::decode_basemap(bytes);  // proves the bytes decode before they are written
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
  file.write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  if (!file.flush()) throw std::runtime_error("cannot write " + out_path);
  char line[200];
  std::snprintf(
      line,
      sizeof line,
      "%s: %zu features, %zu points, %zu labels, %zu bytes, %zu tiny dropped, built in %.0f ms\n",
      out_path.c_str(),
      built.basemap.features.size(),
      built.stats.points,
      built.stats.labels,
      bytes.size(),
      built.stats.dropped_tiny,
      ms);
  out << line << "  " << kind_counts(built.stats) << "\n";
  return built.basemap.features.empty() ? 1 : 0;
}

}  // namespace server::cli
