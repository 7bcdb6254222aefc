#include "console/state/city_status.h"

namespace console::state {

CityBadge city_badge(const CitySummary& row, const LoadedCity* open) {
  CityBadge badge{row.status ? to_string(*row.status) : "-", CityHealth::Unknown};
  if (row.status == core::model::CityStatus::Generating) {
    badge.health = CityHealth::Generating;
    return badge;
  }
  const auto& published = row.city.published_revision;
  const auto& draft = row.city.draft_revision;
  if (published && draft && *draft != *published) {
    badge = {"published + draft", CityHealth::PublishedWithDraft};
  } else if (row.status == core::model::CityStatus::Published) {
    badge.health = CityHealth::Published;
  } else if (row.status == core::model::CityStatus::Draft) {
    badge.health = CityHealth::Draft;
  }
  if (open && row.openable() && open->city.id == row.city.id && open->revision.tours.empty()) {
    badge = {badge.text + ", no tours", CityHealth::Problem};
  }
  return badge;
}

bool can_edit(const AppState& state) {
  return read_only_reason(state).empty() && !map_shows_replay(state);
}

std::string read_only_reason(const AppState& state) {
  if (!state.editor) return "read-only: this is an app key (editing needs an editor key)";
  if (!state.city) return "no city open";
  return "";
}

}  // namespace console::state
