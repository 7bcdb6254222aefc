#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/pipeline/pipeline.h"
#include "server/storage/store.h"
#include "server/support/clock.h"
#include "shared/edit/draft_edits.h"
#include "shared/edit/revision_diff.h"
#include "shared/json/edit_messages.h"
#include "shared/model/city.h"
#include "shared/model/generation_options.h"
#include "shared/model/revision.h"

// The editors' use cases on a city's draft: edit, replan, publish. The HTTP handlers parse the
// request, call one of these and write the answer.
namespace server::service {

/// What a replan made: the city, its new draft, the planner's warnings, what the run spent, and
/// the run itself (its job id: GET /api/cities/{id}/runs/{job}, `narrando-server replay`).
struct ReplanOutcome {
  core::model::City city;
  core::model::Revision draft;
  std::vector<std::string> warnings;
  core::json::ReplanReport spent;
  std::string run_id;
};

/// What a publish did, or would do (`dry_run`): the changes against the published revision.
struct PublishOutcome {
  int draft_revision = 0;        ///< the draft that is (or would be) published
  std::optional<int> published;  ///< the revision now published; none on a dry run
  core::edit::RevisionChanges changes;
};

/// How replans run: as a generation's stages do (CALL_BUDGET, GENERATION_CONCURRENCY).
struct ReplanSettings {
  int call_budget = 200;  ///< external calls one replan may make
  int concurrency = 1;    ///< of them in flight at once
};

/// The editors' use cases on a city's draft. Thread-safe if the store and pipeline are.
class DraftService {
 public:
  /// `store`, `pipeline` and `clock` (which stamps a replan's start) must outlive the service.
  DraftService(storage::Store& store,
               const pipeline::Pipeline& pipeline,
               ReplanSettings settings,
               const support::Clock& clock = support::system_clock());

  /// Replans the city's working revision (core::model::working_revision) with `options_patch`
  /// merged over its own: a pipeline run (pipeline::Pipeline::replan) within the call budget,
  /// whose tours go into the draft if it still has the attractions and editor fields the plan saw
  /// (else core::ConflictError "draft_changed"), recorded with its trace as a run of origin
  /// Replan in the same transaction. Throws core::NotFoundError, core::ConflictError (no
  /// revision), core::InputError (options) or what a stage throws (the calls made are logged).
  ReplanOutcome replan(const std::string& city_id, const nlohmann::json& options_patch) const;

  /// Publishes the city's draft (or only compares it, `dry_run`). Throws core::NotFoundError, or
  /// core::ConflictError "no_draft" (or "no_tours": a revision without tours is never published).
  PublishOutcome publish(const std::string& city_id, bool dry_run) const;

  /// Applies `patch` to attraction `attraction_id` of the city's draft (made from the published
  /// revision when there is none); returns the saved draft. Throws core::NotFoundError.
  core::model::Revision edit_attraction(const std::string& city_id,
                                        const std::string& attraction_id,
                                        const core::edit::AttractionPatch& patch) const;

  /// Applies `edits` to the tours of the city's draft; returns the saved draft and the warnings.
  /// Throws core::NotFoundError.
  core::model::Revision edit_tours(const std::string& city_id,
                                   const std::vector<core::edit::TourEdit>& edits,
                                   std::vector<std::string>& warnings) const;

 private:
  storage::Store& m_store;
  const pipeline::Pipeline& m_pipeline;
  ReplanSettings m_settings;
  const support::Clock& m_clock;
};

}  // namespace server::service
