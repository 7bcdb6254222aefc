#pragma once

#include "server/pipeline/interfaces.h"

namespace server::offline {

/// DistanceProvider over the walking model (straight line x detour factor at a walking speed,
/// both from the options). Legs stay straight segments.
class WalkingDistanceProvider : public pipeline::DistanceProvider {
 public:
  std::string describe(const core::model::GenerationOptions& options) const override;
  core::algo::TravelMatrix matrix(const core::model::City& city,
                                  const std::vector<core::model::GeoPoint>& points,
                                  const core::model::GenerationOptions& options,
                                  pipeline::RunContext& context) override;
  void legs(const core::model::City& city,
            std::vector<core::model::Tour>& tours,
            const core::model::GenerationOptions& options,
            pipeline::RunContext& context) override;
};

}  // namespace server::offline
