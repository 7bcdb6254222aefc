#pragma once

#include <string>
#include <vector>

#include "shared/model/city.h"

namespace console::state {

/// A row of the cities list: the city and its state for editors ("published", "draft",
/// "generating"; empty when the key is not an editor's and the server leaves it out).
struct CitySummary {
  core::model::City city;
  std::string status;
};

/// A city of the server's embedded offline data set (generate it by place id without any key).
struct EmbeddedCity {
  const char* place_id;
  const char* name;
  const char* country_code;
};

/// The embedded cities, read from data/places/places.tsv when the console was built.
const std::vector<EmbeddedCity>& embedded_cities();

/// The list entry whose id or place id is `key`, or null.
const CitySummary* find_city(const std::vector<CitySummary>& cities, const std::string& key);

/// "2026-11-25 11:02" from an ISO 8601 UTC time ("" stays "").
std::string short_date(const std::string& iso_time);

}  // namespace console::state
