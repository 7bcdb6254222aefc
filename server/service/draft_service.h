#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/pipeline/interfaces.h"
#include "server/storage/store.h"
#include "shared/edit/draft_edits.h"
#include "shared/edit/revision_diff.h"
#include "shared/json/edit_messages.h"
#include "shared/model/city.h"
#include "shared/model/generation_options.h"
#include "shared/model/revision.h"

// The editors' use cases on a city's draft: edit, replan, publish. The HTTP handlers parse the
// request, call one of these and write the answer.
namespace server::service {

/// What a replan made: the city, its new draft, the planner's warnings and what the run spent.
struct ReplanOutcome {
  core::model::City city;
  core::model::Revision draft;
  std::vector<std::string> warnings;
  core::json::ReplanReport spent;
};

/// Replans the city's working revision (core::model::working_revision) with `options_patch` merged
/// over its own, under `call_budget` external calls (at most `concurrency` at once), and writes
/// the tours into the draft if it still has the attractions and editor fields the plan saw (else
/// core::ConflictError "draft_changed"). Throws core::NotFoundError, core::ConflictError (no
/// revision) or what a stage throws (the calls already made are logged).
ReplanOutcome replan(storage::Store& store, pipeline::DistanceProvider& distances, const std::string& city_id,
                     const nlohmann::json& options_patch, int call_budget, int concurrency = 1);

/// What a publish did, or would do (`dry_run`): the changes against the published revision.
struct PublishOutcome {
  int draft_revision = 0;      ///< the draft that is (or would be) published
  std::optional<int> published;  ///< the revision now published; none on a dry run
  core::edit::RevisionChanges changes;
};

/// Publishes the city's draft (or only compares it, `dry_run`). Throws core::NotFoundError, or
/// core::ConflictError "no_draft" (or "no_tours": a revision without tours is never published).
PublishOutcome publish(storage::Store& store, const std::string& city_id, bool dry_run);

/// Applies `patch` to attraction `attraction_id` of the city's draft (made from the published
/// revision when there is none); returns the saved draft. Throws core::NotFoundError.
core::model::Revision edit_attraction(storage::Store& store, const std::string& city_id,
                                      const std::string& attraction_id, const core::edit::AttractionPatch& patch);

/// Applies `edits` to the tours of the city's draft; returns the saved draft and the warnings.
/// Throws core::NotFoundError.
core::model::Revision edit_tours(storage::Store& store, const std::string& city_id,
                                 const std::vector<core::edit::TourEdit>& edits, std::vector<std::string>& warnings);

}  // namespace server::service
