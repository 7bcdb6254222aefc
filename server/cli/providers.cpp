#include "server/cli/providers.h"

#include "server/clients/google_places_client.h"
#include "server/clients/google_routes_client.h"
#include "server/clients/llm_filter.h"
#include "server/offline/embedded_catalogue.h"
#include "server/offline/embedded_network_source.h"
#include "server/offline/embedded_place_provider.h"
#include "server/offline/heuristic_attraction_filter.h"
#include "server/offline/street_network_distance_provider.h"
#include "server/offline/walking_distance_provider.h"
#include "server/offline/walking_networks.h"

namespace server::cli {
namespace {

std::string value_or(const std::map<std::string, std::string>& map, const char* key, std::string fallback) {
  const auto it = map.find(key);
  return it == map.end() ? fallback : it->second;
}

}  // namespace

ProviderChoice ProviderChoice::from_config(const config::Config& config) {
  ProviderChoice choice;
  const bool google = !config.google_places_api_key.empty();
  choice.places = google ? "google" : "embedded";
  choice.filter = config.perplexity_api_key.empty() ? "heuristic" : "llm";
  choice.llm_api_style = config.llm_api_style;
  choice.llm_model = config.llm_model;
  choice.network = config.walking_network;
  choice.routes_policy = google ? config.routes_policy : "off";
  choice.routes_matrix_max_points = config.routes_matrix_max_points;
  choice.places_max_pages = config.places_max_pages;
  choice.llm_batch_size = config.llm_batch_size;
  return choice;
}

ProviderChoice ProviderChoice::from_settings(const std::map<std::string, std::string>& settings) {
  ProviderChoice choice;
  choice.places = value_or(settings, "places", "embedded");
  choice.filter = value_or(settings, "filter", "heuristic");
  choice.llm_api_style = value_or(settings, "llm_api_style", "agent");
  choice.llm_model = value_or(settings, "llm_model", "");
  // Runs recorded before street networks walked the model.
  choice.network = value_or(settings, "network", "model");
  choice.routes_policy = value_or(settings, "routes_policy", "off");
  choice.routes_matrix_max_points = std::stoi(value_or(settings, "routes_matrix_max_points", "25"));
  choice.places_max_pages = std::stoi(value_or(settings, "places_max_pages", "3"));
  choice.llm_batch_size = static_cast<std::size_t>(std::stoul(value_or(settings, "llm_batch_size", "40")));
  return choice;
}

std::map<std::string, std::string> ProviderChoice::settings() const {
  return {{"places", places},
          {"filter", filter},
          {"llm_api_style", llm_api_style},
          {"llm_model", llm_model},
          {"network", network},
          {"routes_policy", routes_policy},
          {"routes_matrix_max_points", std::to_string(routes_matrix_max_points)},
          {"places_max_pages", std::to_string(places_max_pages)},
          {"llm_batch_size", std::to_string(llm_batch_size)}};
}

TransportFactory real_transports(const config::Config& config) {
  return [config](const std::string& service) -> std::shared_ptr<clients::HttpTransport> {
    const clients::TransportTimeouts google{std::chrono::seconds(10), std::chrono::seconds(config.client_timeout_seconds)};
    const clients::TransportTimeouts llm{std::chrono::seconds(10), std::chrono::seconds(config.llm_timeout_seconds)};
    if (service == "places") return clients::make_httplib_transport(config.google_places_base_url, google);
    if (service == "routes") return clients::make_httplib_transport(config.google_routes_base_url, google);
    return clients::make_httplib_transport(config.perplexity_base_url, llm);
  };
}

Providers make_providers(const ProviderChoice& choice, const config::Config& config, const TransportFactory& transports,
                         const clients::Sleeper& sleeper, const clients::PriceTable& prices) {
  Providers providers;
  const clients::RetryPolicy retry{config.client_max_attempts, std::chrono::milliseconds(config.client_retry_base_ms),
                                   std::chrono::milliseconds(20000)};
  auto embedded = std::make_unique<offline::EmbeddedPlaceProvider>(offline::EmbeddedCatalogue::builtin());
  if (choice.places == "google") {
    clients::GooglePlacesSettings settings;
    settings.api_key = config.google_places_api_key;
    settings.max_pages = choice.places_max_pages;
    providers.places = std::make_unique<clients::RoutingPlaceProvider>(
        std::make_unique<clients::GooglePlacesClient>(
            clients::ServiceCaller("places", transports("places"), retry, sleeper), settings, prices),
        std::move(embedded));
    providers.descriptions.emplace_back("places: Google Places (New); geonames:<id> places from the embedded data");
  } else {
    providers.places = std::move(embedded);
    providers.descriptions.emplace_back("places: embedded offline data (no GOOGLE_PLACES_API_KEY)");
  }
  if (choice.filter == "llm") {
    clients::LlmSettings settings{config.perplexity_api_key, choice.llm_api_style, choice.llm_model,
                                  choice.llm_batch_size, 6000};
    providers.filter = std::make_unique<clients::LlmAttractionFilter>(
        clients::ServiceCaller("llm", transports("llm"), retry, sleeper), settings, prices);
    providers.descriptions.push_back("filter: LLM (" + choice.llm_api_style + ", " + choice.llm_model +
                                     "), heuristic fallback");
  } else {
    providers.filter = std::make_unique<offline::HeuristicAttractionFilter>();
    providers.descriptions.emplace_back("filter: heuristic (no PERPLEXITY_API_KEY)");
  }
  if (choice.network == "osm") {
    providers.distances = std::make_unique<offline::StreetNetworkDistanceProvider>(
        std::make_unique<offline::EmbeddedNetworkSource>(offline::EmbeddedCatalogue::builtin(),
                                                         offline::WalkingNetworks::builtin()));
    providers.descriptions.emplace_back("distances: OpenStreetMap street networks (embedded), else the walking model");
  } else {
    providers.distances = std::make_unique<offline::WalkingDistanceProvider>();
    providers.descriptions.emplace_back("distances: walking model (WALKING_NETWORK=model)");
  }
  if (choice.routes_policy != "off") {
    clients::GoogleRoutesSettings settings{config.google_places_api_key, clients::routes_policy_from(choice.routes_policy),
                                           choice.routes_matrix_max_points};
    providers.distances = std::make_unique<clients::GoogleRoutesDistanceProvider>(
        clients::ServiceCaller("routes", transports("routes"), retry, sleeper), settings, prices,
        std::move(providers.distances));
    providers.descriptions.push_back("distances: Google Routes, policy " + choice.routes_policy);
  }
  return providers;
}

}  // namespace server::cli
