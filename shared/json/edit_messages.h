#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/edit/draft_edits.h"
#include "shared/edit/revision_diff.h"
#include "shared/json/city_messages.h"
#include "shared/model/run_trace.h"
#include "shared/model/stage.h"

// Messages of the editors' changes: PATCH an attraction, PUT the tours, replan, publish.
// Requests are read strictly: unknown members and wrong types are core::InputError naming the
// member's path.
namespace core::edit {

/// PATCH /api/cities/{id}/attractions/{aid} body: any of included, name, description,
/// visit_minutes, interest_score, locked_tour; null clears an override, an absent member leaves
/// it. Reading a body that changes nothing is an error.
void to_json(nlohmann::json& j, const AttractionPatch& value);
void from_json(const nlohmann::json& j, AttractionPatch& value);

/// One tour of a PUT /api/cities/{id}/tours body: {"stops": [{"attraction_id", "locked"}],
/// "order_locked"}.
void to_json(nlohmann::json& j, const TourEdit& value);
void from_json(const nlohmann::json& j, TourEdit& value);

/// The publish preview: how one tour and the whole revision change for the app.
void to_json(nlohmann::json& j, const TourChange& value);
void from_json(const nlohmann::json& j, TourChange& value);
void to_json(nlohmann::json& j, const RevisionChanges& value);
void from_json(const nlohmann::json& j, RevisionChanges& value);

}  // namespace core::edit

namespace core::json {

/// PUT /api/cities/{id}/tours body: {"tours": [...]}, at most 12 tours.
struct ToursRequest {
  std::vector<edit::TourEdit> tours;

  friend bool operator==(const ToursRequest&, const ToursRequest&) = default;
};
void to_json(nlohmann::json& j, const ToursRequest& value);
void from_json(const nlohmann::json& j, ToursRequest& value);

/// 200 of PATCH .../attractions/{aid}: the draft's number, the attraction and the tours after it.
struct AttractionEdited {
  int revision = 0;
  model::Attraction attraction;
  std::vector<model::Tour> tours;

  friend bool operator==(const AttractionEdited&, const AttractionEdited&) = default;
};
void to_json(nlohmann::json& j, const AttractionEdited& value);
void from_json(const nlohmann::json& j, AttractionEdited& value);

/// 200 of PUT .../tours: the draft's number, its tours and warnings (tours over budget).
struct ToursEdited {
  int revision = 0;
  std::vector<model::Tour> tours;
  std::vector<std::string> warnings;

  friend bool operator==(const ToursEdited&, const ToursEdited&) = default;
};
void to_json(nlohmann::json& j, const ToursEdited& value);
void from_json(const nlohmann::json& j, ToursEdited& value);

/// POST /api/cities/{id}/replan body (may be empty): {"options"?}, generation options that
/// override the draft's (the members given only; checked when merged with the draft's).
struct ReplanRequest {
  nlohmann::json options;  ///< an object, or null for none

  friend bool operator==(const ReplanRequest&, const ReplanRequest&) = default;
};
void to_json(nlohmann::json& j, const ReplanRequest& value);
void from_json(const nlohmann::json& j, ReplanRequest& value);

/// One external call of a replan, without its bodies.
struct CallSummary {
  std::string service;
  std::string operation;
  int status = 0;  ///< HTTP status; 0 when no response arrived
  int attempt = 1;
  double seconds = 0.0;
  std::string sku;
  double cost_usd = 0.0;
  std::string error;  ///< transport error, when no response arrived

  /// The summary of a recorded call.
  static CallSummary of(const model::ExternalCall& call);

  friend bool operator==(const CallSummary&, const CallSummary&) = default;
};
void to_json(nlohmann::json& j, const CallSummary& value);
void from_json(const nlohmann::json& j, CallSummary& value);

/// What a replan's external calls spent (CALL_BUDGET applies as to a generation).
struct ReplanReport {
  int calls = 0;
  double cost_usd = 0.0;
  int call_budget = 0;
  std::vector<model::StageRecord> stages;  ///< distances, plan and legs
  std::vector<CallSummary> external_calls;

  friend bool operator==(const ReplanReport&, const ReplanReport&) = default;
};
void to_json(nlohmann::json& j, const ReplanReport& value);
void from_json(const nlohmann::json& j, ReplanReport& value);

/// 200 of POST .../replan: the city document of the replanned draft (with the planner's
/// warnings) and its `replan` report.
struct ReplanAnswer {
  CityDocument document;
  ReplanReport replan;

  friend bool operator==(const ReplanAnswer&, const ReplanAnswer&) = default;
};
void to_json(nlohmann::json& j, const ReplanAnswer& value);
void from_json(const nlohmann::json& j, ReplanAnswer& value);

/// POST /api/cities/{id}/publish body (may be empty): {"dry_run"?}.
struct PublishRequest {
  bool dry_run = false;

  friend bool operator==(const PublishRequest&, const PublishRequest&) = default;
};
void to_json(nlohmann::json& j, const PublishRequest& value);
void from_json(const nlohmann::json& j, PublishRequest& value);

/// 200 of POST .../publish. A dry run: the draft's number and what publishing it would change;
/// a publish: the city, the revision now published and what changed.
struct PublishAnswer {
  bool dry_run = false;
  std::string city_id;     ///< publish only
  int revision = 0;        ///< publish only: the revision now published
  int draft_revision = 0;  ///< dry run only
  edit::RevisionChanges changes;

  friend bool operator==(const PublishAnswer&, const PublishAnswer&) = default;
};
void to_json(nlohmann::json& j, const PublishAnswer& value);
void from_json(const nlohmann::json& j, PublishAnswer& value);

}  // namespace core::json
