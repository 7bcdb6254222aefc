#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/pipeline/interfaces.h"
#include "shared/model/revision.h"
#include "shared/model/run_trace.h"

namespace server::pipeline {

/// One generation to run.
struct GenerationRequest {
  std::string job_id;
  std::string place_id;
  core::model::GenerationOptions options;
};

/// One replan to run: the planning stages again over a stored revision.
struct ReplanRequest {
  std::string job_id;          ///< the replan's own run (its trace's job id)
  core::model::City city;      ///< as stored
  core::model::Revision base;  ///< the revision replanned: attractions (editor fields) and tours
  core::model::GenerationOptions options;  ///< what it plans with (the base's, patched)
};

/// Everything a generation (or a replan) produced, ready to be stored in one transaction.
struct GenerationResult {
  core::model::City city;          ///< as the place source describes it (no store id yet)
  core::model::Revision revision;  ///< attractions and tours; number and status set by the store
  core::model::RunTrace trace;
  std::vector<std::string> warnings;
};

/// How often a stage that failed on a retryable upstream error is run again.
struct StageRetry {
  int max_attempts = 2;
  std::chrono::milliseconds delay{500};
};

/// Orchestrates city -> attractions -> filter -> distances -> plan -> legs over the interfaces (a
/// replan: the last three). Each stage's output, duration and external calls go into the run
/// trace. Thread-safe if the providers are.
class Pipeline {
 public:
  /// `settings` describe the providers (which source, filter, policy) and go into every trace.
  Pipeline(PlaceProvider& places,
           AttractionFilter& filter,
           DistanceProvider& distances,
           StageRetry retry = {},
           std::map<std::string, std::string> settings = {});

  /// Runs every stage but the last (Stage::Store, the caller's). `previous` (the city's latest
  /// revision, if any) lends its editor fields to attractions with the same id, so editors'
  /// decisions survive regeneration.
  /// Throws what a stage throws after its retries (core::Error subclasses name the problem).
  GenerationResult run(const GenerationRequest& request,
                       const std::optional<core::model::Revision>& previous,
                       RunContext& context) const;

  /// Runs distances -> plan -> legs over `request.base` with the same stage runner as run()
  /// (retries, cancellation, progress, call accounting). The trace (origin Replan) holds the
  /// base's attractions as `decisions` and its locked tours, so a replay plans from the same
  /// input. A plan without tours is returned as it is (the caller decides). Throws what a stage
  /// throws after its retries.
  GenerationResult replan(const ReplanRequest& request, RunContext& context) const;

 private:
  /// The last three stages over trace.decisions, trace.locked_tours and trace.city: fills
  /// trace.planned and trace.tours; returns the planner's warnings.
  std::vector<std::string> plan_and_walk(core::model::RunTrace& trace, RunContext& context) const;

  PlaceProvider& m_places;
  AttractionFilter& m_filter;
  DistanceProvider& m_distances;
  StageRetry m_retry;
  std::map<std::string, std::string> m_settings;
};

}  // namespace server::pipeline
