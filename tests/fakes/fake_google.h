#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/fakes/fake_server.h"

namespace narrando::testing {

/// A fake of Google Places API (New) and Routes API (WALK) on loopback that checks what the real
/// services check (API key, X-Goog-FieldMask with or without the "places." prefix, page sizes,
/// 625-element matrices, no routingPreference with WALK) and answers in their shapes (masked
/// fields only, proto3 omissions, shuffled matrix elements, "123s" durations, nextPageToken only
/// when asked for, page tokens that only work for the query they came from). Its one city is
/// built from the embedded data set's real places of `city_key` (Porto by default). Operations
/// for inject(): "getPlace", "searchText", "searchNearby", "computeRouteMatrix", "computeRoutes";
/// bodies() remembers "searchText" requests.
class FakeGoogle : public FakeServer {
 public:
  ~FakeGoogle() override { stop(); }  // the handlers read members that go before the base
  /// The place id of the fake's Porto (a made-up id: this is a fake, not the product's data).
  static constexpr const char* kPortoPlaceId = "ChIJfakePortoPlaceId0001";

  /// `mount` puts the routes below a path (see FakeServer).
  explicit FakeGoogle(std::string api_key,
                      const std::string& city_key = "porto",
                      std::string mount = "");

  /// The made-up place id of the fake's city: kPortoPlaceId for Porto, "ChIJfake<Key>PlaceId0001"
  /// else.
  const std::string& place_id() const { return m_place_id; }

  /// The API key the fake accepts.
  const std::string& api_key() const { return m_key; }
  /// Every place of the fake city as full Place JSON.
  const std::vector<nlohmann::json>& places() const { return m_places; }
  /// Adds a place (full Place JSON: id, displayName, location, types, primaryType, and any of
  /// rating, userRatingCount, businessStatus, editorialSummary). Call before requests are made.
  void add_place(nlohmann::json place) { m_places.push_back(std::move(place)); }
  /// Replaces the city's Place Details types (e.g. a restaurant's).
  void set_city_types(nlohmann::json types) { m_city["types"] = std::move(types); }
  /// Pairs (origin, destination), by index within a request, that the fake's matrix answers with
  /// condition ROUTE_NOT_FOUND (no distance, no duration). Set before requests are made.
  void set_unroutable(std::vector<std::pair<int, int>> pairs) { m_unroutable = std::move(pairs); }
  /// Pairs, by index within a request, answered with a failed element status
  /// ({"code": 5, "message": ...}: no condition, no distance, no duration). Set before requests.
  void set_element_errors(std::vector<std::pair<int, int>> pairs) {
    m_element_errors = std::move(pairs);
  }
  /// Walking distance / straight line of every matrix element and route leg (1.25 by default: a
  /// compact centre; hills and rivers make it longer). Set before requests are made.
  void set_walk_detour(double detour) { m_detour = detour; }

 private:
  bool
  check_key_and_mask(const httplib::Request& request, httplib::Response& response, bool search);
  void get_place(const httplib::Request& request, httplib::Response& response);
  void search_text(const httplib::Request& request, httplib::Response& response);
  void search_nearby(const httplib::Request& request, httplib::Response& response);
  void route_matrix(const httplib::Request& request, httplib::Response& response);
  void compute_routes(const httplib::Request& request, httplib::Response& response);

  std::string m_key;
  std::string m_place_id;
  nlohmann::json m_city;
  std::vector<nlohmann::json> m_places;
  std::vector<std::pair<int, int>> m_unroutable;
  std::vector<std::pair<int, int>> m_element_errors;
  double m_detour = 1.25;
};

}  // namespace narrando::testing
