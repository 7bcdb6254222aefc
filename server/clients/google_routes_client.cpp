#include "server/clients/google_routes_client.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "server/errors.h"
#include "server/pipeline/concurrent_calls.h"
#include "shared/errors.h"

namespace server::clients {
namespace {

using nlohmann::json;

constexpr std::size_t kBlockSide = 25;  // 25 x 25 = 625 elements, the WALK limit per request
constexpr std::size_t kMaxIntermediates = 25;
constexpr const char* kMatrixMask =
    "originIndex,destinationIndex,status,condition,distanceMeters,duration";
constexpr const char* kRoutesMask =
    "routes.legs.distanceMeters,routes.legs.duration,routes.legs.polyline.encodedPolyline";

json waypoint(const core::model::GeoPoint& p) {
  return {{"location", {{"latLng", {{"latitude", p.lat_deg}, {"longitude", p.lon_deg}}}}}};
}

HttpRequest routes_request(const std::string& path,
                           const char* mask,
                           const std::string& key,
                           const json& body) {
  HttpRequest request;
  request.path = path;
  request.body = body.dump();
  request.headers = {{"X-Goog-Api-Key", key}, {"X-Goog-FieldMask", mask}};
  return request;
}

// A matrix element is usable when its rpc status is OK (absent, {} or code 0) and a route exists.
// Anything else carries no distance: read as one it would be a free 0 m, 0 min walk.
bool element_ok(const json& element) {
  const auto status = element.find("status");
  const bool status_ok =
      status == element.end() || !status->is_object() || status->value("code", 0) == 0;
  return status_ok && element.value("condition", "ROUTE_EXISTS") == "ROUTE_EXISTS";
}

}  // namespace

double duration_seconds(const std::string& text) {
  if (text.empty() || text.back() != 's') return 0.0;
  try {
    std::size_t used = 0;
    const double seconds = std::stod(text, &used);
    return used == text.size() - 1 ? seconds : 0.0;
  } catch (const std::exception&) {
    return 0.0;
  }
}

const char* GoogleRoutesDistanceProvider::matrix_mask() {
  return kMatrixMask;
}

GoogleRoutesDistanceProvider::GoogleRoutesDistanceProvider(
    ServiceCaller caller,
    GoogleRoutesSettings settings,
    const PriceTable& prices,
    std::unique_ptr<pipeline::DistanceProvider> base)
    : m_caller(std::move(caller)), m_settings(std::move(settings)), m_prices(prices),
      m_base(std::move(base)) {}

std::string
GoogleRoutesDistanceProvider::describe(const core::model::GenerationOptions& options) const {
  const std::string base = m_base->describe(options);
  switch (m_settings.policy) {
  case RoutesPolicy::Off: return base;
  case RoutesPolicy::Legs: return base + " to plan; Google Routes walking paths for the final legs";
  case RoutesPolicy::Matrix:
    return "Google Routes matrix to plan (up to " + std::to_string(m_settings.matrix_max_points) +
           " points, else the " + base + "); Google Routes walking paths for the final legs";
  }
  return base;
}

HttpResponse
GoogleRoutesDistanceProvider::ask_block(const std::vector<core::model::GeoPoint>& points,
                                        std::size_t origin_start,
                                        std::size_t destination_start,
                                        pipeline::RunContext& context) const {
  const std::size_t origins = std::min(kBlockSide, points.size() - origin_start);
  const std::size_t destinations = std::min(kBlockSide, points.size() - destination_start);
  json body{{"origins", json::array()},
            {"destinations", json::array()},
            {"travelMode", "WALK"},
            {"units", "METRIC"}};
  for (std::size_t i = 0; i < origins; ++i)
    body["origins"].push_back({{"waypoint", waypoint(points[origin_start + i])}});
  for (std::size_t j = 0; j < destinations; ++j) {
    body["destinations"].push_back({{"waypoint", waypoint(points[destination_start + j])}});
  }
  const double elements = static_cast<double>(origins * destinations);
  const Pricing pricing{"routes.matrix_element.essentials",
                        elements * m_prices.price("routes.matrix_element.essentials")};
  return m_caller.call(
      routes_request(
          "/distanceMatrix/v2:computeRouteMatrix", kMatrixMask, m_settings.api_key, body),
      "computeRouteMatrix",
      pricing,
      context);
}

void GoogleRoutesDistanceProvider::fill_block(const HttpResponse& response,
                                              std::size_t origin_start,
                                              std::size_t destination_start,
                                              std::size_t size,
                                              core::algo::TravelMatrix& matrix,
                                              std::vector<bool>& answered,
                                              std::size_t& unreachable) const {
  const std::size_t origins = std::min(kBlockSide, size - origin_start);
  const std::size_t destinations = std::min(kBlockSide, size - destination_start);
  const json answer = json::parse(response.body, nullptr, false);
  if (!answer.is_array())
    throw UpstreamError(
        "routes", response.status, "routes computeRouteMatrix answered no array", true);
  for (const json& element : answer) {
    if (!element.is_object()) continue;
    const auto i = static_cast<std::size_t>(element.value("originIndex", 0));
    const auto j = static_cast<std::size_t>(element.value("destinationIndex", 0));
    if (i >= origins || j >= destinations) continue;
    const int from = static_cast<int>(origin_start + i);
    const int to = static_cast<int>(destination_start + j);
    answered[static_cast<std::size_t>(from) * size + static_cast<std::size_t>(to)] = true;
    if (!element_ok(element)) {
      // Routes could not walk this pair: planning it on a straight-line estimate could send a tour
      // where there is no path, so the planner must not use it at all.
      matrix.metres(from, to) = core::algo::kUnreachable;
      matrix.minutes(from, to) = core::algo::kUnreachable;
      unreachable += from != to ? 1U : 0U;
      continue;
    }
    matrix.metres(from, to) = element.value("distanceMeters", 0.0);
    matrix.minutes(from, to) = duration_seconds(element.value("duration", "0s")) / 60.0;
  }
}

core::algo::TravelMatrix
GoogleRoutesDistanceProvider::matrix(const core::model::City& city,
                                     const std::vector<core::model::GeoPoint>& points,
                                     const core::model::GenerationOptions& options,
                                     pipeline::RunContext& context) {
  core::algo::TravelMatrix matrix = m_base->matrix(city, points, options, context);
  const std::size_t size = points.size();
  if (m_settings.policy != RoutesPolicy::Matrix ||
      size > static_cast<std::size_t>(m_settings.matrix_max_points)) {
    return matrix;
  }
  // The blocks are independent requests: asked concurrently, read in block order.
  std::vector<std::pair<std::size_t, std::size_t>> blocks;
  for (std::size_t origin = 0; origin < size; origin += kBlockSide) {
    for (std::size_t destination = 0; destination < size; destination += kBlockSide) {
      blocks.emplace_back(origin, destination);
    }
  }
  std::vector<HttpResponse> responses(blocks.size());
  pipeline::run_concurrently(
      context, blocks.size(), [&](std::size_t index, pipeline::RunContext& lane) {
        responses[index] = ask_block(points, blocks[index].first, blocks[index].second, lane);
      });
  std::vector<bool> answered(size * size, false);
  std::size_t unreachable = 0;
  for (std::size_t index = 0; index < blocks.size(); ++index) {
    fill_block(responses[index],
               blocks[index].first,
               blocks[index].second,
               size,
               matrix,
               answered,
               unreachable);
  }
  if (unreachable > 0) {
    context.notes.push_back(
        std::to_string(unreachable) +
        " pairs without a walking route (ROUTE_NOT_FOUND or a failed element): never walked");
  }
  std::size_t estimated = 0;
  for (std::size_t k = 0; k < answered.size(); ++k)
    estimated += !answered[k] && k / size != k % size ? 1U : 0U;
  if (estimated > 0) {
    context.notes.push_back(std::to_string(estimated) + " pairs missing from the Routes answer: " +
                            m_base->describe(options) + " estimates");
  }
  return matrix;
}

void GoogleRoutesDistanceProvider::route_tour(core::model::Tour& tour,
                                              pipeline::RunContext& context) const {
  const std::vector<core::model::GeoPoint> points = core::model::waypoints(tour);
  if (points.size() < 2) return;
  std::vector<core::model::TourLeg> legs;
  // Long tours are asked in pieces of at most 25 intermediate waypoints that share their ends.
  for (std::size_t first = 0; first + 1 < points.size(); first += kMaxIntermediates + 1) {
    const std::size_t last = std::min(points.size() - 1, first + kMaxIntermediates + 1);
    json body{{"origin", waypoint(points[first])},
              {"destination", waypoint(points[last])},
              {"travelMode", "WALK"},
              {"polylineQuality", "HIGH_QUALITY"},
              {"polylineEncoding", "ENCODED_POLYLINE"},
              {"units", "METRIC"}};
    body["intermediates"] = json::array();
    for (std::size_t k = first + 1; k < last; ++k)
      body["intermediates"].push_back(waypoint(points[k]));
    const std::string sku =
        last - first - 1 <= 10 ? "routes.compute_routes.essentials" : "routes.compute_routes.pro";
    const HttpResponse response = m_caller.call(
        routes_request("/directions/v2:computeRoutes", kRoutesMask, m_settings.api_key, body),
        "computeRoutes",
        {sku, m_prices.price(sku)},
        context);
    const json answer = json::parse(response.body, nullptr, false);
    const json route = answer.is_object() && answer.contains("routes") && !answer["routes"].empty()
                           ? answer["routes"][0]
                           : json();
    const json route_legs = route.is_object() ? route.value("legs", json::array()) : json::array();
    if (route_legs.size() != last - first) {
      throw UpstreamError("routes",
                          response.status,
                          "routes computeRoutes answered " + std::to_string(route_legs.size()) +
                              " legs for " + std::to_string(last - first),
                          false);
    }
    for (const json& leg : route_legs) {
      const json polyline = leg.value("polyline", json::object());
      legs.push_back({leg.value("distanceMeters", 0.0),
                      duration_seconds(leg.value("duration", "0s")) / 60.0,
                      polyline.value("encodedPolyline", "")});
    }
  }
  tour.legs = std::move(legs);
  core::model::recompute_totals(tour);
}

void GoogleRoutesDistanceProvider::legs(const core::model::City& city,
                                        std::vector<core::model::Tour>& tours,
                                        const core::model::GenerationOptions& options,
                                        pipeline::RunContext& context) {
  if (m_settings.policy == RoutesPolicy::Off) return m_base->legs(city, tours, options, context);
  // Each tour is its own request: asked concurrently, applied in tour order.
  std::vector<core::model::Tour> routed = tours;
  std::vector<std::string> failures(tours.size());
  pipeline::run_concurrently(
      context, tours.size(), [&](std::size_t index, pipeline::RunContext& lane) {
        try {
          route_tour(routed[index], lane);
        } catch (const UpstreamError& e) {
          failures[index] = e.what();
          if (failures[index].empty()) failures[index] = "routes failed";
        }
      });
  for (std::size_t index = 0; index < tours.size(); ++index) {
    core::model::Tour& tour = tours[index];
    if (failures[index].empty()) {
      tour = std::move(routed[index]);
      continue;
    }
    // The tour keeps the base provider's legs rather than failing the whole city; say so.
    context.notes.push_back(tour.title + ": planned legs kept, " + failures[index]);
    std::vector<core::model::Tour> one{tour};
    m_base->legs(city, one, options, context);
    tour = std::move(one.front());
  }
}

}  // namespace server::clients
