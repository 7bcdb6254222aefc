#include "server/wiring/providers.h"

#include <algorithm>
#include <charconv>

#include "server/clients/google_places_client.h"
#include "server/clients/google_routes_client.h"
#include "server/clients/llm_filter.h"
#include "server/clients/overpass_client.h"
#include "server/offline/embedded_catalogue.h"
#include "server/offline/embedded_network_source.h"
#include "server/offline/embedded_place_provider.h"
#include "server/offline/heuristic_attraction_filter.h"
#include "server/offline/street_network_distance_provider.h"
#include "server/offline/walking_distance_provider.h"
#include "server/offline/walking_networks.h"
#include "server/support/base_url.h"

namespace server::wiring {
namespace {

using core::model::PlaceSource;
using core::model::RoutesPolicy;
using core::model::to_string;  // FilterChoice's names live in core::model's table
using Settings = std::map<std::string, std::string>;

// The settings of a trace are text: each is read back into its type, or refused by name.
template <core::model::NamedEnum E>
void read_setting(const Settings& settings, const char* key, E& out) {
  if (const auto it = settings.find(key); it != settings.end()) {
    out = core::model::parse_enum<E>(it->second, std::string("settings.") + key);
  }
}

template <class Int>
void read_setting(const Settings& settings, const char* key, Int& out) {
  const auto it = settings.find(key);
  if (it == settings.end()) return;
  const std::string& text = it->second;
  Int value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw core::InputError(std::string("settings.") + key + " must be an integer, got \"" + text +
                           "\"");
  }
  out = value;
}

void read_setting(const Settings& settings, const char* key, std::string& out) {
  if (const auto it = settings.find(key); it != settings.end()) out = it->second;
}

}  // namespace

ProviderChoice ProviderChoice::from_config(const config::Config& config) {
  ProviderChoice choice;
  const bool google = !config.google_places_api_key.empty();
  choice.places = google ? PlaceSource::Google : PlaceSource::Embedded;
  choice.filter = config.perplexity_api_key.empty() ? FilterChoice::Heuristic : FilterChoice::Llm;
  choice.llm_api_style = config.llm_api_style;
  choice.llm_model = config.llm_model;
  choice.network = config.walking_network;
  choice.routes_policy = google ? config.routes_policy : RoutesPolicy::Off;
  choice.routes_matrix_max_points = config.routes_matrix_max_points;
  choice.places_max_pages = config.places_max_pages;
  choice.llm_batch_size = config.llm_batch_size;
  return choice;
}

ProviderChoice ProviderChoice::from_settings(const std::map<std::string, std::string>& settings) {
  ProviderChoice choice;
  read_setting(settings, "places", choice.places);
  read_setting(settings, "filter", choice.filter);
  read_setting(settings, "llm_api_style", choice.llm_api_style);
  read_setting(settings, "llm_model", choice.llm_model);
  // Runs recorded before street networks walked the model.
  choice.network = core::model::WalkingNetwork::Model;
  read_setting(settings, "network", choice.network);
  read_setting(settings, "routes_policy", choice.routes_policy);
  read_setting(settings, "routes_matrix_max_points", choice.routes_matrix_max_points);
  read_setting(settings, "places_max_pages", choice.places_max_pages);
  read_setting(settings, "llm_batch_size", choice.llm_batch_size);
  return choice;
}

std::map<std::string, std::string> ProviderChoice::settings() const {
  return {{"places", to_string(places)},
          {"filter", to_string(filter)},
          {"llm_api_style", llm_api_style},
          {"llm_model", llm_model},
          {"network", to_string(network)},
          {"routes_policy", to_string(routes_policy)},
          {"routes_matrix_max_points", std::to_string(routes_matrix_max_points)},
          {"places_max_pages", std::to_string(places_max_pages)},
          {"llm_batch_size", std::to_string(llm_batch_size)}};
}

TransportFactory real_transports(const config::Config& config) {
  return [config](const std::string& service) -> std::shared_ptr<clients::HttpTransport> {
    const clients::TransportTimeouts google{std::chrono::seconds(10),
                                            std::chrono::seconds(config.client_timeout_seconds)};
    const clients::TransportTimeouts llm{std::chrono::seconds(10),
                                         std::chrono::seconds(config.llm_timeout_seconds)};
    if (service == "places")
      return clients::make_httplib_transport(config.google_places_base_url, google);
    if (service == "routes")
      return clients::make_httplib_transport(config.google_routes_base_url, google);
    if (service == "overpass") {
      const clients::TransportTimeouts overpass{
          std::chrono::seconds(10), std::chrono::seconds(config.overpass_timeout_seconds)};
      return clients::make_httplib_transport(support::split_endpoint(config.overpass_url).base_url,
                                             overpass);
    }
    return clients::make_httplib_transport(config.perplexity_base_url, llm);
  };
}

Providers make_providers(const ProviderChoice& choice,
                         const config::Config& config,
                         const TransportFactory& transports,
                         const clients::Sleeper& sleeper,
                         const clients::PriceTable& prices) {
  Providers providers;
  const clients::RetryPolicy retry{config.client_max_attempts,
                                   std::chrono::milliseconds(config.client_retry_base_ms),
                                   std::chrono::milliseconds(20000)};
  auto embedded =
      std::make_unique<offline::EmbeddedPlaceProvider>(offline::EmbeddedCatalogue::builtin());
  if (choice.places == PlaceSource::Google) {
    clients::GooglePlacesSettings settings;
    settings.api_key = config.google_places_api_key;
    settings.max_pages = choice.places_max_pages;
    providers.places = std::make_unique<clients::RoutingPlaceProvider>(
        std::make_unique<clients::GooglePlacesClient>(
            clients::ServiceCaller("places", transports("places"), retry, sleeper),
            settings,
            prices),
        std::move(embedded));
    providers.descriptions.emplace_back(
        "places: Google Places (New); geonames:<id> places from the embedded data");
  } else {
    providers.places = std::move(embedded);
    providers.descriptions.emplace_back("places: embedded offline data (no GOOGLE_PLACES_API_KEY)");
  }
  if (choice.filter == FilterChoice::Llm) {
    clients::LlmSettings settings{config.perplexity_api_key,
                                  choice.llm_api_style,
                                  choice.llm_model,
                                  choice.llm_batch_size,
                                  6000};
    providers.filter = std::make_unique<clients::LlmAttractionFilter>(
        clients::ServiceCaller("llm", transports("llm"), retry, sleeper), settings, prices);
    providers.descriptions.push_back("filter: LLM (" + choice.llm_api_style + ", " +
                                     choice.llm_model + "), heuristic fallback");
  } else {
    providers.filter = std::make_unique<offline::HeuristicAttractionFilter>();
    providers.descriptions.emplace_back("filter: heuristic (no PERPLEXITY_API_KEY)");
  }
  if (choice.network == core::model::WalkingNetwork::Osm) {
    std::vector<std::unique_ptr<pipeline::NetworkSource>> sources;
    sources.push_back(std::make_unique<offline::EmbeddedNetworkSource>(
        offline::EmbeddedCatalogue::builtin(), offline::WalkingNetworks::builtin()));
    if (choice.places == PlaceSource::Google) {
      clients::OverpassSettings settings;
      settings.path = support::split_endpoint(config.overpass_url).path;
      // The query's own limit stays under the transport's read timeout, so Overpass answers first.
      settings.timeout_seconds = std::max(5, config.overpass_timeout_seconds - 10);
      sources.push_back(std::make_unique<clients::OverpassNetworkSource>(
          clients::ServiceCaller("overpass", transports("overpass"), retry, sleeper),
          settings,
          prices));
    }
    providers.distances =
        std::make_unique<offline::StreetNetworkDistanceProvider>(std::move(sources));
    providers.descriptions.emplace_back(
        choice.places == PlaceSource::Google
            ? "distances: OpenStreetMap street networks (embedded; Overpass for "
              "Google cities), else the walking model"
            : "distances: OpenStreetMap street networks (embedded), else the walking model");
  } else {
    providers.distances = std::make_unique<offline::WalkingDistanceProvider>();
    providers.descriptions.emplace_back("distances: walking model (WALKING_NETWORK=model)");
  }
  if (choice.routes_policy != RoutesPolicy::Off) {
    clients::GoogleRoutesSettings settings{
        config.google_places_api_key, choice.routes_policy, choice.routes_matrix_max_points};
    providers.distances = std::make_unique<clients::GoogleRoutesDistanceProvider>(
        clients::ServiceCaller("routes", transports("routes"), retry, sleeper),
        settings,
        prices,
        std::move(providers.distances));
    providers.descriptions.push_back(std::string("distances: Google Routes, policy ") +
                                     to_string(choice.routes_policy));
  }
  return providers;
}

}  // namespace server::wiring
