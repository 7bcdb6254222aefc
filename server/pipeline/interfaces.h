#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "shared/algo/travel_matrix.h"
#include "shared/model/attraction.h"
#include "shared/model/city.h"
#include "shared/model/generation_options.h"
#include "shared/model/place_id.h"
#include "shared/model/run_trace.h"
#include "shared/model/stage.h"
#include "shared/model/tour.h"
#include "shared/routing/router.h"

namespace server::pipeline {

/// Shared by the stages of one run: external calls are recorded here (the run trace keeps them
/// for cost accounting and replay), and a run may spend at most `call_budget` calls. One thread
/// uses a context at a time; calls made concurrently each get a lane() (see run_concurrently()).
struct RunContext {
  std::vector<core::model::ExternalCall> calls;
  int call_budget = 400;
  /// How many external calls of this run may be in flight at once (1: one after the other).
  int concurrency = 1;
  /// Called with a stage as it starts and the run's progress 0..1 (may be empty).
  std::function<void(core::model::Stage stage, double progress)> on_progress;
  /// When set and true, the run stops before its next stage with server::CancelledError.
  const std::atomic<bool>* cancel = nullptr;
  /// What a stage did differently than asked (a fallback, a degraded answer); the pipeline moves
  /// these into the stage's note in the run trace.
  std::vector<std::string> notes;

  /// Calls made (cached answers not counted) and their estimated cost.
  struct Spent {
    int calls = 0;
    double cost_usd = 0.0;
  };
  /// What the calls from index `first` on (those of the stage that began there) spent.
  Spent spent_since(std::size_t first) const {
    Spent spent;
    for (std::size_t i = first; i < calls.size(); ++i) {
      if (calls[i].cached) continue;  // recorded for replay, not made
      ++spent.calls;
      spent.cost_usd += calls[i].cost_usd;
    }
    return spent;
  }
  /// Appends the notes to a stage's `note`, "; " between them, and clears them.
  void move_notes_into(std::string& note) {
    for (const std::string& line : notes) note += (note.empty() ? "" : "; ") + line;
    notes.clear();
  }

  /// Takes one call from the run's budget; false when it is spent. Thread-safe: the lanes of a
  /// run all take from the context they came from.
  bool take_call();
  /// A context for one of several concurrent tasks of this run: it shares the budget, the cancel
  /// flag and the concurrency limit, and records its own calls and notes for merge().
  RunContext lane();
  /// Appends a finished lane's calls and notes (the caller merges lanes in task order).
  void merge(RunContext&& lane);

 private:
  RunContext* m_budget_owner = nullptr;  ///< the context whose budget a lane spends
  std::shared_ptr<std::mutex> m_budget_mutex = std::make_shared<std::mutex>();
};

/// Reads a city and its candidate attractions (Google Places, or the embedded data set).
class PlaceProvider {
 public:
  virtual ~PlaceProvider() = default;
  /// "embedded", "google", "replay": recorded in the run trace.
  virtual std::string name() const = 0;
  /// Cheap check before any work is queued: throws core::InputError for a malformed id, and
  /// core::NotFoundError when the source can tell without a call that it does not know the place.
  virtual void check_place_id(const std::string& place_id) const {
    core::model::validate_place_id(place_id);
  }
  /// The city of `place_id`. Throws core::NotFoundError (code "unknown_place") if the source
  /// does not know it, core::InputError for a malformed id, server::UpstreamError on failures.
  virtual core::model::City city(const std::string& place_id,
                                 const core::model::GenerationOptions& options,
                                 RunContext& context) = 0;
  /// Raw candidate attractions around `city` (undecided; the filter decides).
  virtual std::vector<core::model::Attraction>
  attractions(const core::model::City& city,
              const core::model::GenerationOptions& options,
              RunContext& context) = 0;
};

/// What a filter decided and how.
struct FilterOutcome {
  std::vector<core::model::Attraction> decisions;  ///< every candidate, with included/reason set
  std::string used;                                ///< "heuristic", "llm", "llm, fell back to ..."
};

/// Decides which candidates are worth a stop (an LLM, or the offline heuristics).
class AttractionFilter {
 public:
  virtual ~AttractionFilter() = default;
  /// Decides every candidate. Must not throw for service failures: fall back and say so in `used`.
  virtual FilterOutcome filter(const core::model::City& city,
                               std::vector<core::model::Attraction> candidates,
                               const core::model::GenerationOptions& options,
                               RunContext& context) = 0;
};

/// Walking distances and paths (the street network, Google Routes, or the walking model).
class DistanceProvider {
 public:
  virtual ~DistanceProvider() = default;
  /// How distances are obtained, for the run trace (e.g. "walking model 4.5 km/h x 1.3").
  virtual std::string describe(const core::model::GenerationOptions& options) const = 0;
  /// Distances (m) and walking times (min) between every pair of `points` of `city`; a pair that
  /// cannot be walked is core::algo::kUnreachable. Notes which source served in `context.notes`.
  virtual core::algo::TravelMatrix matrix(const core::model::City& city,
                                          const std::vector<core::model::GeoPoint>& points,
                                          const core::model::GenerationOptions& options,
                                          RunContext& context) = 0;
  /// Replaces the legs of `tours` (in `city`) with walking paths where the provider has them.
  virtual void legs(const core::model::City& city,
                    std::vector<core::model::Tour>& tours,
                    const core::model::GenerationOptions& options,
                    RunContext& context) = 0;
};

/// Where a city's street network comes from (the embedded OpenStreetMap graphs, Overpass).
class NetworkSource {
 public:
  virtual ~NetworkSource() = default;
  /// What it reads, for the run trace (e.g. "OpenStreetMap, embedded").
  virtual std::string name() const = 0;
  /// A router on the network that covers `points` of `city`, or null when the source has none for
  /// it (the caller walks the model and says so). The pointer keeps the network alive. May call a
  /// service (recorded in `context`); throws server::UpstreamError when it fails.
  virtual std::shared_ptr<const core::routing::Router>
  network_for(const core::model::City& city,
              const std::vector<core::model::GeoPoint>& points,
              RunContext& context) = 0;
};

}  // namespace server::pipeline
