#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>

#include "server/clients/pricing.h"
#include "server/clients/service_caller.h"
#include "server/pipeline/interfaces.h"
#include "shared/routing/osm_input.h"

namespace server::clients {

/// Overpass client settings.
struct OverpassSettings {
  std::string path = "/interpreter";  ///< the interpreter's path below the transport's base URL
  int timeout_seconds = 80;     ///< the query's own [timeout:], under the transport's read timeout
  double max_area_km2 = 400.0;  ///< a bigger box is not asked for (the city walks the model)
  std::size_t cache_size = 8;   ///< cities whose answer and network are kept in memory
};

/// The Overpass QL query for the ways the foot profile may walk in `box` (every highway, ferries,
/// platforms, piers, car parks) with their nodes, tags included (barriers), as JSON.
std::string overpass_query(const core::model::BoundingBox& box, int timeout_seconds);

/// The nodes and ways of an Overpass JSON answer. Throws server::UpstreamError (not retryable)
/// for an answer that is not one (an HTML error page, a "remark" of a timed-out query).
core::routing::OsmData parse_overpass(const std::string& body);

/// Street networks of cities outside the embedded data, read from OpenStreetMap through the
/// Overpass API: one query per city for the box of its points plus 500 m (rounded outwards to
/// 0.01 degree, so the same city asks the same query), built into a walking graph with the same
/// foot profile as the embedded ones. Calls go through the ServiceCaller (retries, call budget,
/// recorded in the run trace with their answer, so a replay needs no network). The last
/// `cache_size` answers and networks are kept, and serve any later request whose box they cover
/// (the final legs of the tours just planned, the same city again): a hit records the original
/// call again, marked cached and at no cost, so every trace holds the answer it used. Thread-safe.
class OverpassNetworkSource : public pipeline::NetworkSource {
 public:
  OverpassNetworkSource(ServiceCaller caller, OverpassSettings settings, const PriceTable& prices);

  std::string name() const override { return "OpenStreetMap via Overpass"; }
  /// Null for a box larger than max_area_km2 (noted) or with no walkable way; throws
  /// server::UpstreamError when Overpass fails after its retries.
  std::shared_ptr<const core::routing::Router>
  network_for(const core::model::City& city,
              const std::vector<core::model::GeoPoint>& points,
              pipeline::RunContext& context) override;

 private:
  struct Cached {
    std::string query;
    core::model::BoundingBox box;
    core::model::ExternalCall call;  // as recorded by the first run that asked
    std::shared_ptr<const core::routing::Router> network;  // null: the answer had no walkable way
  };

  /// The cached entry whose box holds `box`, moved to the front, or null.
  const Cached* cached(const core::model::BoundingBox& box);

  ServiceCaller m_caller;
  OverpassSettings m_settings;
  PriceTable m_prices;
  std::mutex m_mutex;
  std::list<Cached> m_cache;  // most recent first
};

}  // namespace server::clients
