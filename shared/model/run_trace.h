#pragma once

#include <map>
#include <string>
#include <vector>

#include "shared/model/attraction.h"
#include "shared/model/city.h"
#include "shared/model/generation_options.h"
#include "shared/model/revision.h"
#include "shared/model/stage.h"
#include "shared/model/tour.h"

namespace core::model {

/// One HTTP exchange with an external service, kept so a run can be replayed without network.
struct ExternalCall {
  std::string service;       ///< "places", "routes", "llm"
  std::string operation;     ///< e.g. "searchText", "computeRouteMatrix"
  std::string method;        ///< "GET" or "POST"
  std::string path;          ///< path and query as sent (never contains a key)
  std::string request_body;  ///< as sent (never contains a key)
  int status = 0;            ///< HTTP status, 0 when no response arrived
  std::string response_body;
  double seconds = 0.0;
  std::string sku;  ///< billing tier implied by the field mask
  double cost_usd = 0.0;
  int attempt = 1;
  std::string error;  ///< transport error, empty on a response
  bool cached =
      false;  ///< answered from the client's cache: the first run's answer, not a new call

  friend bool operator==(const ExternalCall&, const ExternalCall&) = default;
};

/// Everything one run saw and decided, stage by stage: the input of QA replay. A generation runs
/// every stage; a replan (origin Replan) runs distances, plan and legs over the attractions of the
/// revision it replanned (`decisions`, with their editor fields) and its locked tours.
struct RunTrace {
  int version = 1;
  std::string job_id;
  std::string place_id;
  RevisionOrigin origin = RevisionOrigin::Generation;  ///< Generation or Replan
  int base_revision = 0;                               ///< a replan: the revision it replanned
  GenerationOptions options;
  PlaceSource places_source = PlaceSource::Embedded;  ///< where the city and candidates came from
  std::string filter_used;      ///< "heuristic" / "llm" / "llm, fell back to heuristic: <why>"
  std::string distance_policy;  ///< e.g. "walking model 4.5 km/h x 1.3"
  std::map<std::string, std::string>
      settings;  ///< what replay must reproduce: sources, styles, policies
  std::vector<StageRecord> stages;
  std::vector<Attraction>
      editor_input;  ///< editor fields carried from the previous revision (id + editor)
  std::vector<Tour> locked_tours;  ///< tours of the previous revision whose order an editor froze
  City city;
  std::vector<Attraction> candidates;  ///< raw, before filtering
  std::vector<Attraction> decisions;   ///< after filtering: every candidate with its decision
  std::vector<Tour> planned;           ///< planner output, straight legs
  std::vector<Tour> tours;             ///< final tours with walking legs
  std::vector<ExternalCall> calls;

  friend bool operator==(const RunTrace&, const RunTrace&) = default;
};

}  // namespace core::model
