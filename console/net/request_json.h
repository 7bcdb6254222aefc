#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "console/state/city_summary.h"
#include "console/state/replies.h"
#include "shared/edit/draft_edits.h"
#include "shared/edit/revision_diff.h"

namespace console::net {

/// The PATCH /attractions/{aid} body of `patch` (the inverse of core::json::parse_attraction_patch).
nlohmann::json attraction_patch_json(const core::edit::AttractionPatch& patch);

/// The PUT /tours body of `tours` (the inverse of core::json::parse_tour_edits).
nlohmann::json tour_edits_json(const std::vector<core::edit::TourEdit>& tours);

/// The cities of a GET /api/cities answer; `editor` tells whether the editors' fields are present.
/// A place whose first generation is running (null id: place id, status and job id only) becomes
/// a row that is not openable. Throws core::InputError on a malformed answer.
std::vector<state::CitySummary> parse_city_list(const nlohmann::json& answer, bool& editor);

/// A city document (GET /api/cities/{id}, replan) as a CityReply. Throws core::InputError.
state::CityReply parse_city_reply(const nlohmann::json& document);

/// The `changes` member of a publish answer (core::edit::to_json's shape). Throws core::InputError.
core::edit::RevisionChanges parse_revision_changes(const nlohmann::json& changes);

}  // namespace console::net
