#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "shared/edit/draft_edits.h"
#include "shared/edit/revision_diff.h"

namespace core::json {

/// Reads a PATCH body for one attraction: any of included, name, description, visit_minutes,
/// interest_score, locked_tour; null clears an override. Throws core::InputError with the
/// member's path on unknown members or wrong types, or when the body changes nothing.
edit::AttractionPatch parse_attraction_patch(const nlohmann::json& body);

/// Reads a PUT body {"tours": [{"stops": [{"attraction_id", "locked"}], "order_locked"}]}.
/// Throws core::InputError with the member's path.
std::vector<edit::TourEdit> parse_tour_edits(const nlohmann::json& body);

}  // namespace core::json

namespace core::edit {

/// JSON of a tour change and of a revision comparison.
void to_json(nlohmann::json& j, const TourChange& value);
void to_json(nlohmann::json& j, const RevisionChanges& value);

}  // namespace core::edit
