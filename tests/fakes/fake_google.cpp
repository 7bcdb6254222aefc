#include "tests/fakes/fake_google.h"

#include <algorithm>
#include <set>

#include "server/offline/embedded_catalogue.h"
#include "shared/algo/geo.h"
#include "shared/algo/polyline.h"
#include "shared/model/attraction.h"

namespace narrando::testing {
namespace {

using nlohmann::json;

json lat_lng(const core::model::GeoPoint& p) {
  return {{"latitude", p.lat_deg}, {"longitude", p.lon_deg}};
}

core::model::GeoPoint point_of(const json& j) {
  return {j.value("latitude", 0.0), j.value("longitude", 0.0)};
}

std::vector<std::string> split_mask(const std::string& mask) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (start <= mask.size()) {
    const std::size_t comma = mask.find(',', start);
    fields.push_back(
        mask.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return fields;
}

// Keeps only the masked fields of a place ("*" keeps all).
json masked(const json& place, const std::vector<std::string>& fields, const std::string& prefix) {
  json out = json::object();
  for (const std::string& field : fields) {
    if (field == prefix + "*" || field == "*") return place;
    if (field.rfind(prefix, 0) != 0) continue;
    const std::string name = field.substr(prefix.size());
    if (place.contains(name)) out[name] = place[name];
  }
  return out;
}

bool matches_query(const json& place, const std::string& query) {
  const auto has = [&](std::initializer_list<const char*> types) {
    for (const auto& type : place["types"]) {
      for (const char* t : types) {
        if (type == t) return true;
      }
    }
    return false;
  };
  if (query.find("museum") != std::string::npos) return has({"museum", "art_gallery"});
  if (query.find("church") != std::string::npos)
    return has({"church", "place_of_worship", "cathedral"});
  if (query.find("park") != std::string::npos) return has({"park", "garden"});
  if (query.find("viewpoint") != std::string::npos) return has({"observation_deck"});
  if (query.find("landmark") != std::string::npos)
    return has({"historical_landmark", "monument", "memorial"});
  return true;
}

}  // namespace

FakeGoogle::FakeGoogle(std::string api_key, const std::string& city_key, std::string mount)
    : FakeServer(std::move(mount)), m_key(std::move(api_key)) {
  const auto& catalogue = server::offline::EmbeddedCatalogue::builtin();
  const server::offline::EmbeddedCity* found = nullptr;
  for (const auto& city : catalogue.cities()) {
    if (city.key == city_key) found = &city;
  }
  const auto& porto = *found;
  std::string capitalised = city_key;
  capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
  m_place_id = city_key == "porto" ? kPortoPlaceId : "ChIJfake" + capitalised + "PlaceId0001";
  m_city = {
      {"id", m_place_id},
      {"displayName", {{"text", porto.city.name}, {"languageCode", "en"}}},
      {"formattedAddress", porto.city.name + ", " + porto.city.country_code},
      {"addressComponents",
       {{{"longText", porto.city.name},
         {"shortText", porto.city.name},
         {"types", {"locality", "political"}}},
        {{"longText", porto.city.country_code},
         {"shortText", porto.city.country_code},
         {"types", {"country", "political"}}}}},
      {"location", lat_lng(porto.city.centre)},
      {"viewport",
       {{"low", lat_lng(porto.city.viewport.low)}, {"high", lat_lng(porto.city.viewport.high)}}},
      {"types", {"locality", "political"}}};
  for (const auto* poi : catalogue.pois_of(city_key)) {
    const core::model::Attraction& a = poi->attraction;
    json place{{"id", "ChIJfake" + a.id.substr(1)},
               {"displayName", {{"text", a.name}, {"languageCode", "pt"}}},
               {"location", lat_lng(a.location)},
               {"types", a.types},
               {"primaryType", a.types.front()}};
    // Deterministic popularity: landmarks with open-data signals are the well-rated ones.
    const int count =
        !a.wikidata.empty() ? 2000 + 100 * a.name_variants : 40 + static_cast<int>(a.name.size());
    if (a.name.size() % 5 != 0) place["userRatingCount"] = count;  // proto3: some places have none
    if (a.name.size() % 5 != 0)
      place["rating"] = 3.9 + static_cast<double>(a.name.size() % 10) / 10.0;
    m_places.push_back(std::move(place));
  }
  const std::string& at = this->mount();
  m_server.Get(at + R"(/v1/places/([^/]+))",
               [this](const auto& rq, auto& rs) { get_place(rq, rs); });
  m_server.Post(at + "/v1/places:searchText",
                [this](const auto& rq, auto& rs) { search_text(rq, rs); });
  m_server.Post(at + "/v1/places:searchNearby",
                [this](const auto& rq, auto& rs) { search_nearby(rq, rs); });
  m_server.Post(at + "/distanceMatrix/v2:computeRouteMatrix",
                [this](const auto& rq, auto& rs) { route_matrix(rq, rs); });
  m_server.Post(at + "/directions/v2:computeRoutes",
                [this](const auto& rq, auto& rs) { compute_routes(rq, rs); });
  start();
}

bool FakeGoogle::check_key_and_mask(const httplib::Request& request,
                                    httplib::Response& response,
                                    bool search) {
  const std::string mask = request.get_header_value("X-Goog-FieldMask");
  const auto fail = [&](int code,
                        const std::string& status,
                        const std::string& message,
                        const std::string& reason) {
    response.status = code;
    response.set_content(google_error(code, status, message, reason), "application/json");
    return false;
  };
  if (request.get_header_value("X-Goog-Api-Key") != m_key) {
    return fail(400,
                "INVALID_ARGUMENT",
                "API key not valid. Please pass a valid API key.",
                "API_KEY_INVALID");
  }
  if (mask.empty()) {
    return fail(400, "INVALID_ARGUMENT", kFieldMaskRequired, "");
  }
  for (const std::string& field : split_mask(mask)) {
    const bool prefixed = field.rfind("places.", 0) == 0;
    if (search && !prefixed && field != "nextPageToken" && field != "*") {
      return fail(400, "INVALID_ARGUMENT", "Invalid field in mask: " + field, "");
    }
    if (!search && prefixed)
      return fail(400, "INVALID_ARGUMENT", "Invalid field in mask: " + field, "");
  }
  return true;
}

void FakeGoogle::get_place(const httplib::Request& request, httplib::Response& response) {
  if (take_fault("getPlace", response) || !check_key_and_mask(request, response, false)) return;
  if (request.matches[1] != m_place_id) {
    response.status = 404;
    response.set_content(google_error(404, "NOT_FOUND", "Place not found."), "application/json");
    return;
  }
  response.set_content(
      masked(m_city, split_mask(request.get_header_value("X-Goog-FieldMask")), "").dump(),
      "application/json");
  finish("getPlace", response);
}

void FakeGoogle::search_text(const httplib::Request& request, httplib::Response& response) {
  remember("searchText", request.body);
  if (take_fault("searchText", response) || !check_key_and_mask(request, response, true)) return;
  const json body = json::parse(request.body, nullptr, false);
  const auto invalid = [&](const std::string& message) {
    response.status = 400;
    response.set_content(google_error(400, "INVALID_ARGUMENT", message), "application/json");
  };
  if (!body.is_object() || !body.contains("textQuery")) return invalid("textQuery is required");
  const int page_size = body.value("pageSize", body.value("maxResultCount", 20));
  if (page_size < 1 || page_size > 20) return invalid("pageSize must be between 1 and 20");
  if (body.contains("locationBias") && body.contains("locationRestriction")) {
    return invalid("locationBias and locationRestriction cannot both be set");
  }
  core::model::BoundingBox area{{-90, -180}, {90, 180}};
  if (body.contains("locationRestriction")) {
    const json& restriction = body["locationRestriction"];
    if (!restriction.contains("rectangle"))
      return invalid("locationRestriction must be a rectangle");
    area = {point_of(restriction["rectangle"]["low"]), point_of(restriction["rectangle"]["high"])};
  }
  const std::string query = body["textQuery"];
  std::vector<const json*> hits;
  for (const json& place : m_places) {
    if (matches_query(place, query) && core::algo::contains(area, point_of(place["location"])))
      hits.push_back(&place);
  }
  std::stable_sort(hits.begin(), hits.end(), [](const json* x, const json* y) {
    return x->value("userRatingCount", 0) > y->value("userRatingCount", 0);
  });
  // A token names the query it pages and the page it opens; it is refused with any other query.
  const std::string token = body.value("pageToken", "");
  const std::string token_prefix = "tok:" + query + ":";
  if (!token.empty() &&
      (!token.starts_with(token_prefix) || token.size() != token_prefix.size() + 1 ||
       token.back() < '1' || token.back() > '2')) {
    return invalid("Invalid page token.");
  }
  const int page = token.empty() ? 0 : token.back() - '0';
  const auto fields = split_mask(request.get_header_value("X-Goog-FieldMask"));
  json answer = json::object();
  for (std::size_t i = static_cast<std::size_t>(page * page_size);
       i < hits.size() && i < static_cast<std::size_t>((page + 1) * page_size);
       ++i) {
    answer["places"].push_back(masked(*hits[i], fields, "places."));
  }
  const bool more = static_cast<std::size_t>((page + 1) * page_size) < hits.size() && page < 2;
  if (more && std::find(fields.begin(), fields.end(), "nextPageToken") != fields.end()) {
    answer["nextPageToken"] = "tok:" + query + ":" + std::to_string(page + 1);
  }
  response.set_content(answer.dump(), "application/json");
  finish("searchText", response);
}

void FakeGoogle::search_nearby(const httplib::Request& request, httplib::Response& response) {
  if (take_fault("searchNearby", response) || !check_key_and_mask(request, response, true)) return;
  const json body = json::parse(request.body, nullptr, false);
  const auto invalid = [&](const std::string& message) {
    response.status = 400;
    response.set_content(google_error(400, "INVALID_ARGUMENT", message), "application/json");
  };
  if (!body.is_object() || !body.contains("locationRestriction") ||
      !body["locationRestriction"].contains("circle")) {
    return invalid("locationRestriction.circle is required");
  }
  const json& circle = body["locationRestriction"]["circle"];
  const double radius = circle.value("radius", 0.0);
  if (radius <= 0.0 || radius > 50000.0) return invalid("radius must be in (0, 50000]");
  const int max_results = body.value("maxResultCount", 20);
  if (max_results < 1 || max_results > 20)
    return invalid("maxResultCount must be between 1 and 20");
  static const std::set<std::string> kKnownTypes{"tourist_attraction",
                                                 "museum",
                                                 "historical_landmark",
                                                 "monument",
                                                 "church",
                                                 "art_gallery",
                                                 "park",
                                                 "observation_deck"};
  std::set<std::string> wanted;
  for (const auto& type : body.value("includedTypes", json::array())) {
    if (!kKnownTypes.contains(type.get<std::string>()))
      return invalid("Unsupported type: " + type.get<std::string>());
    wanted.insert(type.get<std::string>());
  }
  const core::model::GeoPoint centre = point_of(circle["center"]);
  std::vector<const json*> hits;
  for (const json& place : m_places) {
    bool typed = wanted.empty();
    for (const auto& type : place["types"]) typed |= wanted.contains(type.get<std::string>());
    if (typed && core::algo::haversine_m(centre, point_of(place["location"])) <= radius)
      hits.push_back(&place);
  }
  std::stable_sort(hits.begin(), hits.end(), [](const json* x, const json* y) {
    return x->value("userRatingCount", 0) > y->value("userRatingCount", 0);
  });
  json answer = json::object();
  const auto fields = split_mask(request.get_header_value("X-Goog-FieldMask"));
  for (std::size_t i = 0; i < hits.size() && i < static_cast<std::size_t>(max_results); ++i) {
    answer["places"].push_back(masked(*hits[i], fields, "places."));
  }
  response.set_content(answer.dump(), "application/json");
  finish("searchNearby", response);
}

}  // namespace narrando::testing
