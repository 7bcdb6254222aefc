#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/json/city_messages.h"
#include "shared/model/city.h"

namespace console::state {

/// A row of the cities list: the city and its state for editors (none when the key is not an
/// editor's and the server leaves it out).
/// A place being generated for the first time has no city yet: the server lists it with a null
/// id, its place id and the job's id only; such a row cannot be opened.
struct CitySummary {
  core::model::City city;
  std::optional<core::model::CityStatus> status;
  std::string job_id;  ///< the generation job of a place without a city yet

  /// False for a place being generated for the first time (no city id yet).
  bool openable() const { return !city.id.empty(); }
};

/// The city of the server's embedded data set (GET /api/places) with `place_id`, or null.
const core::json::PlaceSummary* find_place(const std::vector<core::json::PlaceSummary>& places,
                                           const std::string& place_id);

/// The openable list entry whose id or place id is `key`, or null (rows without a city are
/// skipped).
const CitySummary* find_city(const std::vector<CitySummary>& cities, const std::string& key);

/// What the list shows for a row: "Porto (PT)"; for a place without a city yet, its name when
/// known (the server's, else that of the server's embedded `places`) and otherwise its place id,
/// kept short so the dates stay in view (the tooltip gives the place id).
std::string city_label(const CitySummary& row, const std::vector<core::json::PlaceSummary>& places);

/// "2026-11-25 11:02" from an ISO 8601 UTC time ("" stays "").
std::string short_date(const std::string& iso_time);

/// "2026-11-25" from an ISO 8601 UTC time ("" stays "").
std::string day_of(const std::string& iso_time);

}  // namespace console::state
