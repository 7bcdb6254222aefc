#include "console/state/city_summary.h"

#include <algorithm>

namespace console::state {

const core::json::PlaceSummary* find_place(const std::vector<core::json::PlaceSummary>& places,
                                           const std::string& place_id) {
  const auto it =
      std::find_if(places.begin(), places.end(), [&](const core::json::PlaceSummary& p) {
        return p.place_id == place_id;
      });
  return it == places.end() ? nullptr : &*it;
}

const CitySummary* find_city(const std::vector<CitySummary>& cities, const std::string& key) {
  const auto it = std::find_if(cities.begin(), cities.end(), [&](const CitySummary& c) {
    return c.openable() && (c.city.id == key || c.city.place_id == key);
  });
  return it == cities.end() ? nullptr : &*it;
}

std::string city_label(const CitySummary& row,
                       const std::vector<core::json::PlaceSummary>& places) {
  if (row.openable()) {
    return row.city.country_code.empty() ? row.city.name
                                         : row.city.name + " (" + row.city.country_code + ")";
  }
  if (!row.city.name.empty()) return row.city.name;
  if (const core::json::PlaceSummary* place = find_place(places, row.city.place_id))
    return place->name;
  return row.city.place_id;
}

std::string short_date(const std::string& iso_time) {
  if (iso_time.size() < 16) return iso_time;
  std::string text = iso_time.substr(0, 16);
  text[10] = ' ';
  return text;
}

std::string day_of(const std::string& iso_time) {
  return iso_time.substr(0, 10);
}

}  // namespace console::state
