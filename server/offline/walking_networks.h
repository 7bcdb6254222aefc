#pragma once

#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "server/offline/embedded_catalogue.h"
#include "shared/routing/graph_codec.h"
#include "shared/routing/router.h"

namespace server::offline {

/// Margin around a city's candidate box that its walking graph covers: walks between candidates
/// may leave the box (round a river bend, up to a bridge).
inline constexpr double kNetworkMarginM = 500.0;

/// The box a city's walking graph is built for: its viewport (all its candidates, padded) plus
/// kNetworkMarginM.
core::model::BoundingBox network_bbox(const EmbeddedCity& city);

/// The OSM extract files (`.osm.pbf` names in the `source` column) of a city's candidates,
/// sorted by name; empty for a city with no OSM data.
std::vector<std::string> extract_files_of(const EmbeddedCatalogue& catalogue,
                                          std::string_view city_key);

/// A decoded city graph ready to route on.
struct WalkingNetwork {
  std::string city_key;
  core::routing::DecodedGraph decoded;
  std::unique_ptr<core::routing::Router> router;  // points into decoded.graph
  std::size_t file_bytes = 0;

  /// Bytes in memory: the graph and the router's index.
  std::size_t memory_bytes() const { return decoded.graph.memory_bytes() + router->memory_bytes(); }
};

/// One graph file compiled into the binary (data/walking/<city_key>.nwg).
struct EmbeddedGraphFile {
  std::string city_key;
  std::span<const std::uint8_t> bytes;
};

/// The walking graphs of the embedded cities, decoded on first use and then kept (thread-safe).
class WalkingNetworks {
 public:
  /// Over `files` (whose bytes must outlive this object).
  explicit WalkingNetworks(std::vector<EmbeddedGraphFile> files);
  /// The graphs compiled into this binary.
  static WalkingNetworks& builtin();

  /// The files, sorted by city key.
  const std::vector<EmbeddedGraphFile>& files() const { return m_files; }
  /// The city's network, decoded on first call, or nullptr when it has no graph. Throws
  /// core::InputError when the embedded bytes do not decode (a broken build).
  const WalkingNetwork* find(std::string_view city_key);

 private:
  std::vector<EmbeddedGraphFile> m_files;
  std::mutex m_mutex;
  std::vector<std::unique_ptr<WalkingNetwork>> m_loaded;
};

/// The graph files compiled in by CMake (generated; see cmake/EmbedCityFiles.cmake).
std::vector<EmbeddedGraphFile> embedded_walking_graph_files();

}  // namespace server::offline
