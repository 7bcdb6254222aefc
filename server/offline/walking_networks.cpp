#include "server/offline/walking_networks.h"

#include <algorithm>
#include <set>

#include "shared/algo/geo.h"

namespace server::offline {

core::model::BoundingBox network_bbox(const EmbeddedCity& city) {
  return core::algo::expanded(city.city.viewport, kNetworkMarginM);
}

std::vector<std::string> extract_files_of(const EmbeddedCatalogue& catalogue,
                                          std::string_view city_key) {
  std::set<std::string> files;
  for (const EmbeddedPoi* poi : catalogue.pois_of(city_key)) {
    if (poi->source.ends_with(".osm.pbf")) files.insert(poi->source);
  }
  return {files.begin(), files.end()};
}

WalkingNetworks::WalkingNetworks(std::vector<EmbeddedGraphFile> files) : m_files(std::move(files)) {
  std::sort(
      m_files.begin(), m_files.end(), [](const EmbeddedGraphFile& a, const EmbeddedGraphFile& b) {
        return a.city_key < b.city_key;
      });
}

WalkingNetworks& WalkingNetworks::builtin() {
  static WalkingNetworks networks(embedded_walking_graph_files());
  return networks;
}

const WalkingNetwork* WalkingNetworks::find(std::string_view city_key) {
  const std::lock_guard lock(m_mutex);
  for (const std::unique_ptr<WalkingNetwork>& loaded : m_loaded) {
    if (loaded->city_key == city_key) return loaded.get();
  }
  const auto file = std::find_if(m_files.begin(), m_files.end(), [&](const EmbeddedGraphFile& f) {
    return f.city_key == city_key;
  });
  if (file == m_files.end()) return nullptr;
  auto network = std::make_unique<WalkingNetwork>();
  network->city_key = file->city_key;
  network->decoded = core::routing::decode_graph(file->bytes);
  network->router = std::make_unique<core::routing::Router>(network->decoded.graph);
  network->file_bytes = file->bytes.size();
  m_loaded.push_back(std::move(network));
  return m_loaded.back().get();
}

}  // namespace server::offline
