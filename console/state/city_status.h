#pragma once

#include <string>

#include "console/state/app_state.h"

namespace console::state {

/// What the cities list says about a city, and how it colours it.
enum class CityHealth {
  Published,           ///< the app sees it, no draft pending
  PublishedWithDraft,  ///< the app sees the published revision; editors have a draft pending
  Draft,               ///< never published
  Generating,
  Problem,  ///< a revision without tours: the app would show nothing to walk
  Unknown,  ///< the server gave no status
};

/// A row's status text and health.
struct CityBadge {
  std::string text;
  CityHealth health = CityHealth::Unknown;
};

/// The badge of `row`: "published", "published + draft" (both revisions are there), "draft",
/// "generating", or "<status>, no tours" when `open` (the city the console has loaded, or null)
/// is this row's city and its revision has no tour.
CityBadge city_badge(const CitySummary& row, const LoadedCity* open);

/// True when this console may change the open city: an editor's key, a city loaded, and the map
/// not showing a replay.
bool can_edit(const AppState& state);

/// Why the console is read-only ("" when it is not): an app key, or no city open.
std::string read_only_reason(const AppState& state);

}  // namespace console::state
