// The Routes half of FakeGoogle.
#include <algorithm>
#include <cmath>

#include "shared/algo/geo.h"
#include "shared/algo/polyline.h"
#include "tests/fakes/fake_google.h"

namespace narrando::testing {
namespace {

using nlohmann::json;

constexpr double kWalkingMetresPerSecond = 1.3;
constexpr double kDetour = 1.25;

core::model::GeoPoint waypoint_point(const json& waypoint) {
  const json& lat_lng = waypoint["location"]["latLng"];
  return {lat_lng.value("latitude", 0.0), lat_lng.value("longitude", 0.0)};
}

bool invalid_request(const json& body, httplib::Response& response) {
  std::string message;
  if (!body.is_object()) message = "body must be an object";
  else if (body.value("travelMode", "DRIVE") != "WALK") message = "this fake only walks";
  else if (body.contains("routingPreference")) message = "routingPreference cannot be set for WALK";
  if (message.empty()) return false;
  response.status = 400;
  response.set_content(google_error(400, "INVALID_ARGUMENT", message), "application/json");
  return true;
}

bool key_and_mask_ok(const httplib::Request& request, const std::string& key, httplib::Response& response) {
  if (request.get_header_value("X-Goog-Api-Key") == key && !request.get_header_value("X-Goog-FieldMask").empty()) {
    return true;
  }
  response.status = 400;
  response.set_content(google_error(400, "INVALID_ARGUMENT", "key and FieldMask are required"), "application/json");
  return false;
}

// A walking path that is visibly not the straight segment: through an offset midpoint.
std::string fake_path(const core::model::GeoPoint& a, const core::model::GeoPoint& b) {
  const core::model::GeoPoint mid{(a.lat_deg + b.lat_deg) / 2 + 0.0002, (a.lon_deg + b.lon_deg) / 2};
  return core::algo::encode_polyline({a, mid, b});
}

}  // namespace

void FakeGoogle::route_matrix(const httplib::Request& request, httplib::Response& response) {
  if (take_fault("computeRouteMatrix", response)) return;
  const json body = json::parse(request.body, nullptr, false);
  if (!key_and_mask_ok(request, api_key(), response) || invalid_request(body, response)) return;
  const auto& origins = body["origins"];
  const auto& destinations = body["destinations"];
  if (origins.size() * destinations.size() > 625) {
    response.status = 400;
    response.set_content(google_error(400, "INVALID_ARGUMENT", "more than 625 elements"), "application/json");
    return;
  }
  json elements = json::array();
  for (std::size_t i = 0; i < origins.size(); ++i) {
    for (std::size_t j = 0; j < destinations.size(); ++j) {
      json element{{"originIndex", i}, {"destinationIndex", j}, {"status", json::object()}};
      const auto pair = std::make_pair(static_cast<int>(i), static_cast<int>(j));
      if (std::find(m_unroutable.begin(), m_unroutable.end(), pair) != m_unroutable.end()) {
        element["condition"] = "ROUTE_NOT_FOUND";
      } else {
        const double metres = std::round(core::algo::haversine_m(waypoint_point(origins[i]["waypoint"]),
                                                                 waypoint_point(destinations[j]["waypoint"])) *
                                         kDetour);
        element["condition"] = "ROUTE_EXISTS";
        if (metres > 0) element["distanceMeters"] = static_cast<int>(metres);  // proto3: 0 is omitted
        element["duration"] = std::to_string(static_cast<long>(std::lround(metres / kWalkingMetresPerSecond))) + "s";
      }
      elements.push_back(std::move(element));
    }
  }
  // The REST stream comes in no particular order: shuffle deterministically.
  for (std::size_t k = 0; k + 1 < elements.size(); k += 2) std::swap(elements[k], elements[elements.size() - 1 - k]);
  response.set_content(elements.dump(), "application/json");
  finish("computeRouteMatrix", response);
}

void FakeGoogle::compute_routes(const httplib::Request& request, httplib::Response& response) {
  if (take_fault("computeRoutes", response)) return;
  const json body = json::parse(request.body, nullptr, false);
  if (!key_and_mask_ok(request, api_key(), response) || invalid_request(body, response)) return;
  const json intermediates = body.value("intermediates", json::array());
  if (intermediates.size() > 25) {
    response.status = 400;
    response.set_content(google_error(400, "INVALID_ARGUMENT", "more than 25 intermediates"), "application/json");
    return;
  }
  std::vector<core::model::GeoPoint> points{waypoint_point(body["origin"])};
  for (const json& w : intermediates) points.push_back(waypoint_point(w));
  points.push_back(waypoint_point(body["destination"]));
  json legs = json::array();
  double total = 0;
  for (std::size_t k = 0; k + 1 < points.size(); ++k) {
    const double metres = std::round(core::algo::haversine_m(points[k], points[k + 1]) * kDetour);
    total += metres;
    legs.push_back({{"distanceMeters", static_cast<int>(metres)},
                    {"duration", std::to_string(static_cast<long>(std::lround(metres / kWalkingMetresPerSecond))) + "s"},
                    {"polyline", {{"encodedPolyline", fake_path(points[k], points[k + 1])}}}});
  }
  const json answer{{"routes", {{{"legs", legs}, {"distanceMeters", static_cast<int>(total)}}}}};
  response.set_content(answer.dump(), "application/json");
  finish("computeRoutes", response);
}

}  // namespace narrando::testing
