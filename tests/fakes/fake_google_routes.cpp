// The Routes half of FakeGoogle.
#include <algorithm>
#include <cmath>
#include <set>

#include "shared/algo/geo.h"
#include "shared/algo/polyline.h"
#include "tests/fakes/fake_google.h"
#include "tests/fakes/field_mask.h"

namespace narrando::testing {
namespace {

using nlohmann::json;

constexpr double kWalkingMetresPerSecond = 1.3;
constexpr const char* kService = "routes.googleapis.com";

// Top-level fields of a RouteMatrixElement and of a ComputeRoutesResponse (routing/v2 protos).
const std::set<std::string> kMatrixFields{"originIndex",
                                          "destinationIndex",
                                          "status",
                                          "condition",
                                          "distanceMeters",
                                          "duration",
                                          "staticDuration",
                                          "travelAdvisory",
                                          "fallbackInfo",
                                          "localizedValues"};
const std::set<std::string> kRoutesFields{"routes", "fallbackInfo", "geocodingResults"};

core::model::GeoPoint waypoint_point(const json& waypoint) {
  const json& lat_lng = waypoint["location"]["latLng"];
  return {lat_lng.value("latitude", 0.0), lat_lng.value("longitude", 0.0)};
}

void refuse(httplib::Response& response,
            const std::string& message,
            const std::string& reason = "") {
  response.status = 400;
  response.set_content(google_error(400, "INVALID_ARGUMENT", message, reason, kService),
                       "application/json");
}

bool invalid_request(const json& body, httplib::Response& response) {
  std::string message;
  if (!body.is_object())
    message = "body must be an object";
  else if (body.value("travelMode", "DRIVE") != "WALK")
    message = "this fake only walks";
  else if (body.contains("routingPreference"))
    message = "routingPreference cannot be set for WALK";
  if (message.empty()) return false;
  refuse(response, message);
  return true;
}

// What the Routes front end checks before the method runs, in its order: the key, then the mask
// (present, and naming fields of the answer's message).
bool key_and_mask_ok(const httplib::Request& request,
                     const std::string& key,
                     const std::set<std::string>& fields,
                     httplib::Response& response) {
  if (request.get_header_value("X-Goog-Api-Key") != key) {
    refuse(response, "API key not valid. Please pass a valid API key.", "API_KEY_INVALID");
    return false;
  }
  const auto mask = split_field_mask(request.get_header_value("X-Goog-FieldMask"));
  if (mask.empty()) {
    refuse(response, kFieldMaskRequired);
    return false;
  }
  for (const std::string& path : mask) {
    if (path != "*" && !fields.contains(path.substr(0, path.find('.')))) {
      refuse(response, "Invalid field in mask: " + path);
      return false;
    }
  }
  return true;
}

// A walking path that is visibly not the straight segment: through an offset midpoint.
std::string fake_path(const core::model::GeoPoint& a, const core::model::GeoPoint& b) {
  const core::model::GeoPoint mid{(a.lat_deg + b.lat_deg) / 2 + 0.0002,
                                  (a.lon_deg + b.lon_deg) / 2};
  return core::algo::encode_polyline({a, mid, b});
}

std::string duration_of(double metres) {
  return std::to_string(static_cast<long>(std::lround(metres / kWalkingMetresPerSecond))) + "s";
}

bool listed(const std::vector<std::pair<int, int>>& pairs, std::size_t i, std::size_t j) {
  return std::find(pairs.begin(),
                   pairs.end(),
                   std::make_pair(static_cast<int>(i), static_cast<int>(j))) != pairs.end();
}

}  // namespace

void FakeGoogle::route_matrix(const httplib::Request& request, httplib::Response& response) {
  if (take_fault("computeRouteMatrix", response)) return;
  const json body = json::parse(request.body, nullptr, false);
  if (!key_and_mask_ok(request, api_key(), kMatrixFields, response) ||
      invalid_request(body, response))
    return;
  const auto& origins = body["origins"];
  const auto& destinations = body["destinations"];
  if (origins.size() * destinations.size() > 625) return refuse(response, "more than 625 elements");
  json elements = json::array();
  for (std::size_t i = 0; i < origins.size(); ++i) {
    for (std::size_t j = 0; j < destinations.size(); ++j) {
      // Proto3 JSON: an OK status is {}, and zero values and the default condition are omitted.
      json element{{"originIndex", i}, {"destinationIndex", j}, {"status", json::object()}};
      if (listed(m_element_errors, i, j)) {
        element["status"] = {{"code", 5},
                             {"message", "No route could be computed for this element."}};
      } else if (listed(m_unroutable, i, j)) {
        element["condition"] = "ROUTE_NOT_FOUND";
      } else {
        const double metres =
            std::round(core::algo::haversine_m(waypoint_point(origins[i]["waypoint"]),
                                               waypoint_point(destinations[j]["waypoint"])) *
                       m_detour);
        element["condition"] = "ROUTE_EXISTS";
        if (metres > 0) element["distanceMeters"] = static_cast<int>(metres);
        element["duration"] = duration_of(metres);
      }
      elements.push_back(std::move(element));
    }
  }
  // The REST stream comes in no particular order: shuffle deterministically.
  for (std::size_t k = 0; k + 1 < elements.size(); k += 2)
    std::swap(elements[k], elements[elements.size() - 1 - k]);
  const json answer =
      apply_field_mask(elements, split_field_mask(request.get_header_value("X-Goog-FieldMask")));
  response.set_content(answer.dump(), "application/json");
  finish("computeRouteMatrix", response);
}

void FakeGoogle::compute_routes(const httplib::Request& request, httplib::Response& response) {
  if (take_fault("computeRoutes", response)) return;
  const json body = json::parse(request.body, nullptr, false);
  if (!key_and_mask_ok(request, api_key(), kRoutesFields, response) ||
      invalid_request(body, response))
    return;
  const json intermediates = body.value("intermediates", json::array());
  if (intermediates.size() > 25) return refuse(response, "more than 25 intermediates");
  std::vector<core::model::GeoPoint> points{waypoint_point(body["origin"])};
  for (const json& w : intermediates) points.push_back(waypoint_point(w));
  points.push_back(waypoint_point(body["destination"]));
  json legs = json::array();
  double total = 0;
  for (std::size_t k = 0; k + 1 < points.size(); ++k) {
    const double metres = std::round(core::algo::haversine_m(points[k], points[k + 1]) * m_detour);
    total += metres;
    legs.push_back({{"distanceMeters", static_cast<int>(metres)},
                    {"duration", duration_of(metres)},
                    {"polyline", {{"encodedPolyline", fake_path(points[k], points[k + 1])}}}});
  }
  const json route{{"legs", legs},
                   {"distanceMeters", static_cast<int>(total)},
                   {"duration", duration_of(total)}};
  const json answer =
      apply_field_mask(json{{"routes", json::array({route})}},
                       split_field_mask(request.get_header_value("X-Goog-FieldMask")));
  response.set_content(answer.dump(), "application/json");
  finish("computeRoutes", response);
}

}  // namespace narrando::testing
