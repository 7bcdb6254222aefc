#pragma once

#include "server/offline/embedded_catalogue.h"
#include "server/pipeline/interfaces.h"

namespace server::offline {

/// PlaceProvider over the embedded data set: no network, no key. Candidates are the data set's
/// rows within `radius_m` of the city centre, named in English when an English name is tagged
/// and the requested language is English.
class EmbeddedPlaceProvider : public pipeline::PlaceProvider {
 public:
  /// Default radius: the reach of a day of walking tours around a centre.
  static constexpr double kDefaultRadiusM = 15000.0;

  explicit EmbeddedPlaceProvider(const EmbeddedCatalogue& catalogue,
                                 double radius_m = kDefaultRadiusM);

  std::string name() const override { return "embedded"; }
  void check_place_id(const std::string& place_id) const override;
  core::model::City city(const std::string& place_id,
                         const core::model::GenerationOptions& options,
                         pipeline::RunContext& context) override;
  std::vector<core::model::Attraction> attractions(const core::model::City& city,
                                                   const core::model::GenerationOptions& options,
                                                   pipeline::RunContext& context) override;

 private:
  const EmbeddedCatalogue& m_catalogue;
  double m_radius_m;
};

}  // namespace server::offline
