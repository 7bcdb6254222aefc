#pragma once

#include <memory>
#include <vector>

#include "server/pipeline/interfaces.h"

namespace server::offline {

/// Share of a city's points a street network must reach for the plan to walk on it; below it the
/// walks would mostly be the model's anyway, and mixing the two would mislead.
inline constexpr double kMinNetworkShare = 2.0 / 3.0;

/// DistanceProvider on the street network of the first of its NetworkSources that has one for the
/// city (OpenStreetMap foot profile, at the
/// options' walking speed, without steps when step_free): walking times between all points and
/// the final legs along the streets, the same minutes for both. Where the source has no network
/// for the city, or it reaches under kMinNetworkShare of the points, the walking model (straight
/// line x detour factor) serves, and the run says so; points more than 300 m from any walkable
/// way walk the model to and from the others. A source that fails (Overpass down) leaves the city
/// to the model too, noted: the network refines a plan, it never stops one. Thread-safe if the
/// sources are.
class StreetNetworkDistanceProvider : public pipeline::DistanceProvider {
 public:
  /// Over `sources`, asked in order.
  explicit StreetNetworkDistanceProvider(
      std::vector<std::unique_ptr<pipeline::NetworkSource>> sources);

  std::string describe(const core::model::GenerationOptions& options) const override;
  core::algo::TravelMatrix matrix(const core::model::City& city,
                                  const std::vector<core::model::GeoPoint>& points,
                                  const core::model::GenerationOptions& options,
                                  pipeline::RunContext& context) override;
  void legs(const core::model::City& city,
            std::vector<core::model::Tour>& tours,
            const core::model::GenerationOptions& options,
            pipeline::RunContext& context) override;

 private:
  /// The first network the sources have for the points, or null (noted in `context`).
  std::shared_ptr<const core::routing::Router>
  network_for(const core::model::City& city,
              const std::vector<core::model::GeoPoint>& points,
              pipeline::RunContext& context) const;

  /// The sources' names, " or " between them.
  std::string sources_text() const;

  std::vector<std::unique_ptr<pipeline::NetworkSource>> m_sources;
};

}  // namespace server::offline
