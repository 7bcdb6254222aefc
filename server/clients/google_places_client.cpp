#include "server/clients/google_places_client.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "server/errors.h"
#include "server/pipeline/concurrent_calls.h"
#include "shared/algo/geo.h"
#include "shared/errors.h"

namespace server::clients {
namespace {

using nlohmann::json;

constexpr double kViewportMarginM = 500.0;
constexpr double kMaxNearbyRadiusM = 50000.0;

json parse_object(const HttpResponse& response, const char* operation) {
  auto body = json::parse(response.body, nullptr, false);
  if (!body.is_object()) {
    throw UpstreamError("places",
                        response.status,
                        std::string("places ") + operation +
                            " answered a body that is not a JSON object",
                        true);
  }
  return body;
}

core::model::GeoPoint point_of(const json& location) {
  return {location.value("latitude", 0.0), location.value("longitude", 0.0)};
}

std::string text_of(const json& localized) {
  if (localized.is_object()) return localized.value("text", "");
  return localized.is_string() ? localized.get<std::string>() : "";
}

// A place of a search answer as an undecided candidate. Proto3 JSON omits defaults: every field
// may be missing.
std::optional<core::model::Attraction> attraction_of(const json& place) {
  if (!place.is_object() || !place.contains("id") || !place.contains("location"))
    return std::nullopt;
  core::model::Attraction a;
  a.source_id = place["id"].get<std::string>();
  a.id = core::model::attraction_id(a.source_id);
  a.name = text_of(place.value("displayName", json()));
  if (a.name.empty()) return std::nullopt;
  a.location = point_of(place["location"]);
  const std::string primary = place.value("primaryType", "");
  if (!primary.empty()) a.types.push_back(primary);
  for (const auto& type : place.value("types", json::array())) {
    if (type.is_string() && type.get<std::string>() != primary)
      a.types.push_back(type.get<std::string>());
  }
  if (place.contains("rating") && place["rating"].is_number())
    a.rating = place["rating"].get<double>();
  a.rating_count = place.value("userRatingCount", 0);
  a.summary = text_of(place.value("editorialSummary", json()));
  // The filter's closure rules read it: a closed place is no stop, whoever keeps it.
  if (const std::string status = place.value("businessStatus", ""); !status.empty())
    a.tags["businessStatus"] = status;
  return a;
}

void add_unique(std::vector<core::model::Attraction>& found,
                core::model::Attraction candidate,
                const core::model::BoundingBox& area) {
  if (!core::algo::contains(area, candidate.location)) return;
  const bool known = std::any_of(found.begin(), found.end(), [&](const auto& a) {
    return a.source_id == candidate.source_id;
  });
  if (!known) found.push_back(std::move(candidate));
}

json rectangle_of(const core::model::BoundingBox& box) {
  return {{"low", {{"latitude", box.low.lat_deg}, {"longitude", box.low.lon_deg}}},
          {"high", {{"latitude", box.high.lat_deg}, {"longitude", box.high.lon_deg}}}};
}

std::string encode_path_segment(const std::string& text) {
  std::string out;
  for (const char raw : text) {
    const auto c = static_cast<unsigned char>(raw);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += raw;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// Only places that are towns are generated: every generation pays for searches around the place,
// and a restaurant or a street makes no city. Google's types for a town (Place types, Table A).
void require_city_like(const std::string& place_id, const json& place) {
  for (const auto& type : place.value("types", json::array())) {
    if (!type.is_string()) continue;
    const std::string name = type.get<std::string>();
    if (name == "locality" || name == "postal_town" ||
        name.starts_with("administrative_area_level_"))
      return;
  }
  std::string types;
  for (const auto& type : place.value("types", json::array())) {
    if (type.is_string()) types += (types.empty() ? "" : ", ") + type.get<std::string>();
  }
  throw core::Error("not_a_city",
                    "place " + place_id + " is not a town (its types: " +
                        (types.empty() ? std::string("none") : types) +
                        "); ask for a locality, postal town or administrative area");
}

}  // namespace

GooglePlacesClient::GooglePlacesClient(ServiceCaller caller,
                                       GooglePlacesSettings settings,
                                       const PriceTable& prices)
    : m_caller(std::move(caller)), m_settings(std::move(settings)), m_prices(prices) {}

const char* GooglePlacesClient::details_mask() {
  return "id,displayName,formattedAddress,addressComponents,location,viewport,types";
}

const char* GooglePlacesClient::search_mask() {
  // Enterprise tier (rating, userRatingCount; businessStatus is Pro, so free here) but not
  // Atmosphere: descriptions come from the LLM filter, which is cheaper than editorialSummary on
  // every search page.
  return "places.id,places.displayName,places.location,places.types,places.primaryType,places."
         "businessStatus,"
         "places.rating,places.userRatingCount,nextPageToken";
}

HttpRequest GooglePlacesClient::request(const std::string& method,
                                        const std::string& path,
                                        const std::string& mask,
                                        const std::string& body) const {
  HttpRequest request;
  request.method = method;
  request.path = path;
  request.body = body;
  request.headers = {{"X-Goog-Api-Key", m_settings.api_key}, {"X-Goog-FieldMask", mask}};
  return request;
}

core::model::City GooglePlacesClient::city(const std::string& place_id,
                                           const core::model::GenerationOptions& options,
                                           pipeline::RunContext& context) {
  core::model::validate_place_id(place_id);
  const std::string path =
      "/v1/places/" + encode_path_segment(place_id) + "?languageCode=" + options.language;
  const HttpResponse response =
      m_caller.call(request("GET", path, details_mask(), ""),
                    "getPlace",
                    {"places.details." + places_tier(details_mask(), false),
                     m_prices.price("places.details." + places_tier(details_mask(), false))},
                    context,
                    {400, 404});
  if (response.status == 404)
    throw core::NotFoundError("Google Places knows no place " + place_id, "unknown_place");
  if (response.status == 400) {
    const std::string failure = describe_failure(response);
    // A bad key is also a 400 (API_KEY_INVALID): that is our configuration, not the caller's input.
    if (response.body.find("API_KEY") != std::string::npos) {
      throw UpstreamError("places",
                          400,
                          "places getPlace failed: " + failure + " (check GOOGLE_PLACES_API_KEY)",
                          false);
    }
    throw core::InputError("Google Places refused place id " + place_id + ": " + failure,
                           "invalid_place_id");
  }
  const json place = parse_object(response, "getPlace");
  require_city_like(place_id, place);
  core::model::City city;
  city.place_id = place_id;
  city.name = text_of(place.value("displayName", json()));
  city.source = core::model::PlaceSource::Google;
  if (!place.contains("location"))
    throw UpstreamError("places", 200, "places getPlace answered no location", false);
  city.centre = point_of(place["location"]);
  for (const auto& component : place.value("addressComponents", json::array())) {
    const auto types = component.value("types", json::array());
    if (std::find(types.begin(), types.end(), "country") != types.end())
      city.country_code = component.value("shortText", "");
  }
  if (place.contains("viewport")) {
    city.viewport = {point_of(place["viewport"].value("low", json::object())),
                     point_of(place["viewport"].value("high", json::object()))};
  } else {
    city.viewport = core::algo::expanded({city.centre, city.centre}, 5000.0);
  }
  city.note = place.value("formattedAddress", "");
  return city;
}

void GooglePlacesClient::text_search(const std::string& query,
                                     const core::model::City& city,
                                     const core::model::GenerationOptions& options,
                                     pipeline::RunContext& context,
                                     std::vector<core::model::Attraction>& found) const {
  const std::string tier = places_tier(search_mask(), true);
  const Pricing pricing{"places.text_search." + tier, m_prices.price("places.text_search." + tier)};
  json body{{"textQuery", query + " in " + city.name},
            {"languageCode", options.language},
            {"pageSize", 20},
            {"locationRestriction",
             {{"rectangle", rectangle_of(core::algo::expanded(city.viewport, kViewportMarginM))}}}};
  const auto area = core::algo::expanded(city.viewport, kViewportMarginM);
  for (int page = 0; page < m_settings.max_pages; ++page) {
    HttpResponse response =
        m_caller.call(request("POST", "/v1/places:searchText", search_mask(), body.dump()),
                      "searchText",
                      pricing,
                      context,
                      {400});
    if (response.status == 400 && body.contains("pageToken")) {
      // A page token can need a moment before it is valid: wait once and ask again.
      m_caller.pause(std::chrono::seconds(2));
      response = m_caller.call(request("POST", "/v1/places:searchText", search_mask(), body.dump()),
                               "searchText",
                               pricing,
                               context);
    } else if (response.status == 400) {
      throw UpstreamError(
          "places", 400, "places searchText failed: " + describe_failure(response), false);
    }
    const json answer = parse_object(response, "searchText");
    for (const auto& place : answer.value("places", json::array())) {
      if (auto candidate = attraction_of(place)) add_unique(found, std::move(*candidate), area);
    }
    const std::string token = answer.value("nextPageToken", "");
    if (token.empty()) break;
    body["pageToken"] = token;
  }
}

void GooglePlacesClient::nearby_search(const core::model::City& city,
                                       const core::model::GenerationOptions& options,
                                       pipeline::RunContext& context,
                                       std::vector<core::model::Attraction>& found) const {
  const std::string tier = places_tier(search_mask(), true);
  const double radius =
      std::min(kMaxNearbyRadiusM,
               std::max(1000.0, core::algo::haversine_m(city.centre, city.viewport.high)));
  const json body{
      {"includedTypes", m_settings.nearby_types},
      {"maxResultCount", 20},
      {"rankPreference", "POPULARITY"},
      {"languageCode", options.language},
      {"locationRestriction",
       {{"circle",
         {{"center", {{"latitude", city.centre.lat_deg}, {"longitude", city.centre.lon_deg}}},
          {"radius", radius}}}}}};
  // Nearby Search has no paging and its mask has no nextPageToken.
  std::string mask = search_mask();
  mask = mask.substr(0, mask.rfind(",nextPageToken"));
  const HttpResponse response =
      m_caller.call(request("POST", "/v1/places:searchNearby", mask, body.dump()),
                    "searchNearby",
                    {"places.nearby." + tier, m_prices.price("places.nearby." + tier)},
                    context);
  const auto area = core::algo::expanded(city.viewport, kViewportMarginM);
  for (const auto& place : parse_object(response, "searchNearby").value("places", json::array())) {
    if (auto candidate = attraction_of(place)) add_unique(found, std::move(*candidate), area);
  }
}

std::vector<core::model::Attraction>
GooglePlacesClient::attractions(const core::model::City& city,
                                const core::model::GenerationOptions& options,
                                pipeline::RunContext& context) {
  // The Text Search chains (each pages on its own) and the Nearby Search do not depend on each
  // other: they are asked concurrently and merged in query order, never in order of arrival.
  const std::size_t queries = m_settings.queries.size();
  std::vector<std::vector<core::model::Attraction>> answers(
      queries + (m_settings.nearby_types.empty() ? 0 : 1));
  pipeline::run_concurrently(
      context, answers.size(), [&](std::size_t index, pipeline::RunContext& lane) {
        if (index < queries) {
          text_search(m_settings.queries[index], city, options, lane, answers[index]);
        } else {
          nearby_search(city, options, lane, answers[index]);
        }
      });
  std::vector<core::model::Attraction> found;
  const auto area = core::algo::expanded(city.viewport, kViewportMarginM);
  for (std::vector<core::model::Attraction>& answer : answers) {
    for (core::model::Attraction& candidate : answer) add_unique(found, std::move(candidate), area);
  }
  return found;
}

RoutingPlaceProvider::RoutingPlaceProvider(std::unique_ptr<pipeline::PlaceProvider> google,
                                           std::unique_ptr<pipeline::PlaceProvider> embedded)
    : m_google(std::move(google)), m_embedded(std::move(embedded)) {}

pipeline::PlaceProvider& RoutingPlaceProvider::pick(const std::string& place_id) const {
  return place_id.starts_with("geonames:") ? *m_embedded : *m_google;
}

void RoutingPlaceProvider::check_place_id(const std::string& place_id) const {
  pick(place_id).check_place_id(place_id);
}

core::model::City RoutingPlaceProvider::city(const std::string& place_id,
                                             const core::model::GenerationOptions& options,
                                             pipeline::RunContext& context) {
  return pick(place_id).city(place_id, options, context);
}

std::vector<core::model::Attraction>
RoutingPlaceProvider::attractions(const core::model::City& city,
                                  const core::model::GenerationOptions& options,
                                  pipeline::RunContext& context) {
  PlaceProvider& source =
      city.source == core::model::PlaceSource::Embedded ? *m_embedded : *m_google;
  return source.attractions(city, options, context);
}

}  // namespace server::clients
