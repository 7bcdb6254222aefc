#include "server/offline/embedded_network_source.h"

namespace server::offline {

EmbeddedNetworkSource::EmbeddedNetworkSource(const EmbeddedCatalogue& catalogue,
                                             WalkingNetworks& networks)
    : m_catalogue(catalogue), m_networks(networks) {}

std::shared_ptr<const core::routing::Router>
EmbeddedNetworkSource::network_for(const core::model::City& city,
                                   const std::vector<core::model::GeoPoint>&,
                                   pipeline::RunContext&) {
  // A city read from Google has Google's candidates: the embedded graph was cut for ours.
  if (city.source != core::model::PlaceSource::Embedded) return nullptr;
  const EmbeddedCity* embedded = m_catalogue.find(city.place_id);
  if (embedded == nullptr) return nullptr;
  const WalkingNetwork* network = m_networks.find(embedded->key);
  if (network == nullptr) return nullptr;
  // The embedded networks live as long as the process: a pointer that owns nothing.
  return std::shared_ptr<const core::routing::Router>(
      std::shared_ptr<const core::routing::Router>(), network->router.get());
}

}  // namespace server::offline
