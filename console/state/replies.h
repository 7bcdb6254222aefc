#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "console/state/city_summary.h"
#include "console/state/commands.h"
#include "shared/basemap/basemap.h"
#include "shared/edit/revision_diff.h"
#include "shared/json/city_messages.h"
#include "shared/model/city.h"
#include "shared/model/job.h"
#include "shared/model/revision.h"
#include "shared/model/run_trace.h"

namespace console::state {

/// The server answered the connection check and the first city list.
struct ConnectedReply {
  std::string server_url;
  std::vector<CitySummary> cities;
  bool editor = true;  ///< false when the list lacks the editors' fields (an app key)
  std::vector<core::json::PlaceSummary>
      places;  ///< the server's embedded data set (GET /api/places)
};
/// A city list for `query`.
struct CitiesReply {
  std::string query;
  std::vector<CitySummary> cities;
};
/// A generation job was queued (or joined).
struct JobAcceptedReply {
  std::string job_id;
  std::string place_id;
};
/// A job's state from its event stream (or from polling); `ended` on the last one.
struct JobUpdateReply {
  core::model::Job job;
  bool ended = false;
};
/// The city was already generated: nothing ran (use force to regenerate).
struct AlreadyGeneratedReply {
  std::string place_id;
  std::string city_id;
  int revision = 0;
};
/// A city document (after load, save, replan). `note` says what led to it, for the log;
/// `changed` is set when this console just changed the city on the server (save, replan).
struct CityReply {
  core::model::City city;
  core::model::Revision revision;
  std::vector<std::string> warnings;
  std::string note;
  bool changed = false;
};
/// What publishing the draft would change for the app.
struct PublishPreviewReply {
  std::string city_id;
  core::edit::RevisionChanges changes;
  int draft_revision = 0;
};
/// The draft is now the published revision.
struct PublishedReply {
  std::string city_id;
  int revision = 0;
};
/// A run trace for QA replay.
struct RunReply {
  RunSlot slot = RunSlot::Primary;
  core::model::RunTrace trace;
};
/// A generation run of a city that has a trace to replay (GET /api/cities/{id}/runs).
struct RunRef {
  int revision = 0;
  std::string job_id;
  core::model::RevisionOrigin origin = core::model::RevisionOrigin::Generation;
  std::string created_at;
  int calls = 0;
  double cost_usd = 0.0;
};
/// The runs of a city, newest first.
struct RunsReply {
  std::string city_id;
  std::vector<RunRef> runs;
};
/// A city's offline basemap, decoded; null when the server has none for it.
struct BasemapReply {
  std::string city_id;
  std::shared_ptr<const core::basemap::Basemap> basemap;
};
/// A request failed: the action, the server's error code (or "unreachable") and message.
struct FailureReply {
  std::string action;
  std::string code;
  std::string message;
  int http_status = 0;  ///< 0 when no HTTP answer arrived
};

/// Everything the network worker sends back to the frame loop.
using Reply = std::variant<ConnectedReply,
                           CitiesReply,
                           JobAcceptedReply,
                           JobUpdateReply,
                           AlreadyGeneratedReply,
                           CityReply,
                           PublishPreviewReply,
                           PublishedReply,
                           RunReply,
                           RunsReply,
                           BasemapReply,
                           FailureReply>;

}  // namespace console::state
