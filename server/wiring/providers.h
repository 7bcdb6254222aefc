#pragma once

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "server/clients/http_transport.h"
#include "server/clients/pricing.h"
#include "server/clients/service_caller.h"
#include "server/config/config.h"
#include "server/pipeline/interfaces.h"
#include "shared/model/city.h"
#include "shared/model/enum_names.h"
#include "shared/model/routes_policy.h"
#include "shared/model/walking_network.h"

namespace server::wiring {

/// Which filter decides the candidates: the offline heuristics, or an LLM (heuristic fallback).
enum class FilterChoice { Heuristic, Llm };

}  // namespace server::wiring

template <>
struct core::model::EnumNames<server::wiring::FilterChoice> {
  static constexpr const char* kWhat = "filter";
  using Filter = server::wiring::FilterChoice;
  static constexpr std::array kNames{EnumName<Filter>{Filter::Heuristic, "heuristic"},
                                     EnumName<Filter>{Filter::Llm, "llm"}};
};

namespace server::wiring {

/// Which implementation each stage uses. Recorded in every run trace ("settings", by name), so a
/// replay rebuilds exactly the same stages.
struct ProviderChoice {
  core::model::PlaceSource places = core::model::PlaceSource::Embedded;
  FilterChoice filter = FilterChoice::Heuristic;
  std::string llm_api_style = "agent";
  std::string llm_model;
  core::model::WalkingNetwork network = core::model::WalkingNetwork::Osm;
  core::model::RoutesPolicy routes_policy =
      core::model::RoutesPolicy::Off;  ///< Off: no Routes call
  int routes_matrix_max_points = 25;
  int places_max_pages = 3;
  std::size_t llm_batch_size = 40;

  /// The choice that configuration makes (keys present or not).
  static ProviderChoice from_config(const config::Config& config);
  /// The choice recorded in a trace's settings (absent ones keep their defaults). Throws
  /// core::InputError naming a setting whose value is not one this version knows.
  static ProviderChoice from_settings(const std::map<std::string, std::string>& settings);
  /// For the trace.
  std::map<std::string, std::string> settings() const;
};

/// Makes the transport of a service ("places", "routes", "llm").
using TransportFactory =
    std::function<std::shared_ptr<clients::HttpTransport>(const std::string& service)>;

/// The stages' implementations.
struct Providers {
  std::unique_ptr<pipeline::PlaceProvider> places;
  std::unique_ptr<pipeline::AttractionFilter> filter;
  std::unique_ptr<pipeline::DistanceProvider> distances;
  std::vector<std::string> descriptions;  ///< what was chosen and why, for the start-up log
};

/// Builds the providers of `choice` on `transports` (each client keeps a copy of `prices`).
Providers make_providers(const ProviderChoice& choice,
                         const config::Config& config,
                         const TransportFactory& transports,
                         const clients::Sleeper& sleeper,
                         const clients::PriceTable& prices);

/// The real transports of `config` (base URLs and timeouts).
TransportFactory real_transports(const config::Config& config);

}  // namespace server::wiring
