#include "server/offline/embedded_place_provider.h"

#include "shared/algo/geo.h"
#include "shared/errors.h"
#include "shared/model/place_id.h"

namespace server::offline {

EmbeddedPlaceProvider::EmbeddedPlaceProvider(const EmbeddedCatalogue& catalogue, double radius_m)
    : m_catalogue(catalogue), m_radius_m(radius_m) {}

void EmbeddedPlaceProvider::check_place_id(const std::string& place_id) const {
  core::model::validate_place_id(place_id);
  if (m_catalogue.find(place_id) == nullptr) {
    throw core::NotFoundError("unknown place id \"" + place_id + "\": the offline data set knows " +
                                  std::to_string(m_catalogue.cities().size()) +
                                  " cities; list them with `narrando-server cities` (or set "
                                  "GOOGLE_PLACES_API_KEY to use Google Places)",
                              "unknown_place");
  }
}

core::model::City EmbeddedPlaceProvider::city(const std::string& place_id,
                                              const core::model::GenerationOptions&,
                                              pipeline::RunContext&) {
  check_place_id(place_id);
  return m_catalogue.find(place_id)->city;
}

std::vector<core::model::Attraction> EmbeddedPlaceProvider::attractions(
    const core::model::City& city, const core::model::GenerationOptions&, pipeline::RunContext&) {
  const EmbeddedCity* found = m_catalogue.find(city.place_id);
  if (found == nullptr) return {};
  // Names stay local here: the filter shows each in options.language (localized_name).
  std::vector<core::model::Attraction> candidates;
  for (const EmbeddedPoi* poi : m_catalogue.pois_of(found->key)) {
    if (core::algo::haversine_m(poi->attraction.location, city.centre) > m_radius_m) continue;
    candidates.push_back(poi->attraction);
  }
  return candidates;
}

}  // namespace server::offline
