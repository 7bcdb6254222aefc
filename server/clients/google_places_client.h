#pragma once

#include <memory>
#include <string>
#include <vector>

#include "server/clients/pricing.h"
#include "server/clients/service_caller.h"
#include "server/pipeline/interfaces.h"

namespace server::clients {

/// What the Places client asks for.
struct GooglePlacesSettings {
  std::string api_key;
  int max_pages = 3;  ///< Text Search pages per query (20 places each; Google stops at 60)
  /// Text Search queries, each followed by " in <city>".
  std::vector<std::string> queries{"top tourist attractions",
                                   "museums",
                                   "historic landmarks and monuments",
                                   "churches and cathedrals",
                                   "parks and gardens",
                                   "viewpoints"};
  /// Nearby Search types (Places Table A) around the centre.
  std::vector<std::string> nearby_types{"tourist_attraction",
                                        "museum",
                                        "historical_landmark",
                                        "monument",
                                        "church",
                                        "art_gallery",
                                        "park",
                                        "observation_deck"};
};

/// PlaceProvider over Google Places API (New): Place Details for the city (field mask without
/// the "places." prefix), several Text Searches (paged with nextPageToken, restricted to the
/// city's viewport) and a Nearby Search for attractions, de-duplicated by place id and kept
/// inside the viewport. Language from the options. Thread-safe.
class GooglePlacesClient : public pipeline::PlaceProvider {
 public:
  GooglePlacesClient(ServiceCaller caller, GooglePlacesSettings settings, const PriceTable& prices);

  std::string name() const override { return "google"; }
  core::model::City city(const std::string& place_id,
                         const core::model::GenerationOptions& options,
                         pipeline::RunContext& context) override;
  std::vector<core::model::Attraction> attractions(const core::model::City& city,
                                                   const core::model::GenerationOptions& options,
                                                   pipeline::RunContext& context) override;

  /// The masks used, for tests and cost reports.
  static const char* details_mask();
  static const char* search_mask();

 private:
  HttpRequest request(const std::string& method,
                      const std::string& path,
                      const std::string& mask,
                      const std::string& body) const;
  void text_search(const std::string& query,
                   const core::model::City& city,
                   const core::model::GenerationOptions& options,
                   pipeline::RunContext& context,
                   std::vector<core::model::Attraction>& found) const;
  void nearby_search(const core::model::City& city,
                     const core::model::GenerationOptions& options,
                     pipeline::RunContext& context,
                     std::vector<core::model::Attraction>& found) const;

  ServiceCaller m_caller;
  GooglePlacesSettings m_settings;
  PriceTable m_prices;  // a copy: the table it came from may move
};

/// Routes `geonames:<id>` place ids to the embedded data set and every other id to Google, so
/// the offline cities keep working when a Google key is configured.
class RoutingPlaceProvider : public pipeline::PlaceProvider {
 public:
  RoutingPlaceProvider(std::unique_ptr<pipeline::PlaceProvider> google,
                       std::unique_ptr<pipeline::PlaceProvider> embedded);
  std::string name() const override { return "google"; }
  void check_place_id(const std::string& place_id) const override;
  core::model::City city(const std::string& place_id,
                         const core::model::GenerationOptions& options,
                         pipeline::RunContext& context) override;
  std::vector<core::model::Attraction> attractions(const core::model::City& city,
                                                   const core::model::GenerationOptions& options,
                                                   pipeline::RunContext& context) override;

 private:
  pipeline::PlaceProvider& pick(const std::string& place_id) const;

  std::unique_ptr<pipeline::PlaceProvider> m_google;
  std::unique_ptr<pipeline::PlaceProvider> m_embedded;
};

}  // namespace server::clients
