#pragma once

#include "server/offline/embedded_catalogue.h"
#include "server/offline/walking_networks.h"
#include "server/pipeline/interfaces.h"

namespace server::offline {

/// The street networks compiled into the binary (data/walking/), for the embedded cities that
/// have one. Thread-safe.
class EmbeddedNetworkSource : public pipeline::NetworkSource {
 public:
  /// Over `catalogue` and `networks`, which must outlive the source.
  EmbeddedNetworkSource(const EmbeddedCatalogue& catalogue, WalkingNetworks& networks);

  std::string name() const override { return "OpenStreetMap, embedded"; }
  /// The city's embedded graph when `city` comes from the embedded data set and has one, else
  /// nullptr.
  std::shared_ptr<const core::routing::Router>
  network_for(const core::model::City& city,
              const std::vector<core::model::GeoPoint>& points,
              pipeline::RunContext& context) override;

 private:
  const EmbeddedCatalogue& m_catalogue;
  WalkingNetworks& m_networks;
};

}  // namespace server::offline
