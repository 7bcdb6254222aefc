#include "server/offline/walking_distance_provider.h"

#include <cstdio>

#include "shared/algo/walking_model.h"

namespace server::offline {

std::string WalkingDistanceProvider::describe(const core::model::GenerationOptions& options) const {
  char text[96];
  std::snprintf(text,
                sizeof text,
                "walking model: straight line x %.2f at %.1f km/h",
                options.detour_factor,
                options.walking_speed_kmh);
  return text;
}

core::algo::TravelMatrix
WalkingDistanceProvider::matrix(const core::model::City&,
                                const std::vector<core::model::GeoPoint>& points,
                                const core::model::GenerationOptions& options,
                                pipeline::RunContext&) {
  return core::algo::walking_matrix(points, {options.walking_speed_kmh, options.detour_factor});
}

void WalkingDistanceProvider::legs(const core::model::City&,
                                   std::vector<core::model::Tour>&,
                                   const core::model::GenerationOptions&,
                                   pipeline::RunContext&) {
  // The planner's legs already are the model's straight segments: nothing better offline.
}

}  // namespace server::offline
