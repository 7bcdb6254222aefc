#pragma once

#include <memory>
#include <string>

#include "server/clients/pricing.h"
#include "server/clients/service_caller.h"
#include "server/pipeline/interfaces.h"
#include "shared/model/routes_policy.h"

namespace server::clients {

/// What the Routes client pays for (shared/model/routes_policy.h).
using core::model::RoutesPolicy;

/// Routes client settings.
struct GoogleRoutesSettings {
  std::string api_key;
  RoutesPolicy policy = RoutesPolicy::Legs;
  int matrix_max_points = 25;  ///< 25 x 25 = 625 elements, one request
};

/// DistanceProvider over Google Routes (travel mode WALK), a paid refinement over a base provider
/// (the street network, or the walking model): computeRouteMatrix in blocks of at most 625
/// elements, element status and condition in the mask, proto3 omissions handled; computeRoutes
/// per tour for the legs' encoded polylines. A pair whose element is ROUTE_NOT_FOUND or failed is
/// core::algo::kUnreachable (travel_matrix.h); a pair missing from the answer keeps the base's
/// value, and a tour whose Routes call fails keeps the base's legs (the run notes each).
class GoogleRoutesDistanceProvider : public pipeline::DistanceProvider {
 public:
  GoogleRoutesDistanceProvider(ServiceCaller caller,
                               GoogleRoutesSettings settings,
                               const PriceTable& prices,
                               std::unique_ptr<pipeline::DistanceProvider> base);

  std::string describe(const core::model::GenerationOptions& options) const override;
  core::algo::TravelMatrix matrix(const core::model::City& city,
                                  const std::vector<core::model::GeoPoint>& points,
                                  const core::model::GenerationOptions& options,
                                  pipeline::RunContext& context) override;
  void legs(const core::model::City& city,
            std::vector<core::model::Tour>& tours,
            const core::model::GenerationOptions& options,
            pipeline::RunContext& context) override;

  /// The computeRouteMatrix field mask: element status and condition always in it, since without
  /// them a failed element reads as a 0 m walk.
  static const char* matrix_mask();

 private:
  HttpResponse ask_block(const std::vector<core::model::GeoPoint>& points,
                         std::size_t origin_start,
                         std::size_t destination_start,
                         pipeline::RunContext& context) const;
  void fill_block(const HttpResponse& response,
                  std::size_t origin_start,
                  std::size_t destination_start,
                  std::size_t size,
                  core::algo::TravelMatrix& matrix,
                  std::vector<bool>& answered,
                  std::size_t& unreachable) const;
  void route_tour(core::model::Tour& tour, pipeline::RunContext& context) const;

  ServiceCaller m_caller;
  GoogleRoutesSettings m_settings;
  PriceTable m_prices;  // a copy: the table it came from may move
  std::unique_ptr<pipeline::DistanceProvider> m_base;
};

/// Seconds of a protobuf Duration string ("1040s", "3.5s"); 0 for anything else.
double duration_seconds(const std::string& text);

}  // namespace server::clients
