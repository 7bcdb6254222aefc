#include "server/pipeline/pipeline.h"

#include <algorithm>
#include <map>
#include <thread>

#include "server/errors.h"
#include "server/pipeline/budget_check.h"
#include "server/support/clock.h"
#include "shared/algo/tour_planning.h"

namespace server::pipeline {
namespace {

using core::model::Stage;

// Why a run planned no tour, for the job's error: the planner's first warnings (a stop it could not
// place says which constraint bit), and the options that most often cause it.
std::string no_tours_reason(const core::model::GenerationOptions& options,
                            const std::vector<std::string>& warnings) {
  constexpr std::size_t kShown = 3;
  std::string reason = "no tour could be planned with these options";
  if (options.start || options.end)
    reason += " (is the start or end point within walking distance of the city?)";
  for (std::size_t i = 0; i < std::min(warnings.size(), kShown); ++i)
    reason += (i == 0 ? ": " : "; ") + warnings[i];
  if (warnings.size() > kShown)
    reason += "; and " + std::to_string(warnings.size() - kShown) + " more";
  return reason;
}

// The share of a run done when `stage` starts: the stages before it, of all of them.
double stage_progress(Stage stage) {
  constexpr auto kStages = core::model::enum_values<Stage>();
  const auto position = std::find(kStages.begin(), kStages.end(), stage) - kStages.begin();
  return static_cast<double>(position) / static_cast<double>(kStages.size());
}

// Runs one stage with timing, call accounting and bounded retries of retryable upstream errors.
template <class Fn>
auto run_stage(Stage stage,
               core::model::RunTrace& trace,
               RunContext& context,
               const StageRetry& retry,
               Fn&& fn) {
  if (context.cancel != nullptr && context.cancel->load()) {
    throw CancelledError(std::string("stopped before stage ") + to_string(stage));
  }
  if (context.on_progress) context.on_progress(stage, stage_progress(stage));
  const auto start = std::chrono::steady_clock::now();
  const std::size_t calls_before = context.calls.size();
  core::model::StageRecord record{stage, 0.0, 0, 0.0, ""};
  for (int attempt = 1;; ++attempt) {
    try {
      context.notes.clear();
      auto result = fn(record);
      context.move_notes_into(record.note);
      record.seconds = support::seconds_since(start);
      const RunContext::Spent spent = context.spent_since(calls_before);
      record.calls = spent.calls;
      record.cost_usd = spent.cost_usd;
      trace.stages.push_back(record);
      return result;
    } catch (const UpstreamError& error) {
      if (!error.retryable() || attempt >= retry.max_attempts) throw;
      record.note += std::string(record.note.empty() ? "" : "; ") + "attempt " +
                     std::to_string(attempt) + " failed: " + error.what();
      std::this_thread::sleep_for(retry.delay * attempt);
    }
  }
}

// Adds `text` to a stage's note after what its failed attempts left there.
void add_note(core::model::StageRecord& record, const std::string& text) {
  record.note += (record.note.empty() ? "" : "; ") + text;
}

void carry_editor_fields(std::vector<core::model::Attraction>& decisions,
                         const std::optional<core::model::Revision>& previous) {
  if (!previous) return;
  std::map<std::string, const core::model::EditorFields*, std::less<>> editor_of;
  for (const core::model::Attraction& a : previous->attractions) editor_of.emplace(a.id, &a.editor);
  for (core::model::Attraction& a : decisions) {
    if (const auto it = editor_of.find(a.id); it != editor_of.end()) a.editor = *it->second;
  }
}

std::vector<core::model::Attraction>
sorted_for_people(std::vector<core::model::Attraction> attractions) {
  std::stable_sort(attractions.begin(), attractions.end(), [](const auto& x, const auto& y) {
    const bool xi = core::model::effective_included(x);
    const bool yi = core::model::effective_included(y);
    if (xi != yi) return xi;
    return core::model::effective_score(x) > core::model::effective_score(y);
  });
  return attractions;
}

}  // namespace

Pipeline::Pipeline(PlaceProvider& places,
                   AttractionFilter& filter,
                   DistanceProvider& distances,
                   StageRetry retry,
                   std::map<std::string, std::string> settings)
    : m_places(places), m_filter(filter), m_distances(distances), m_retry(retry),
      m_settings(std::move(settings)) {}

GenerationResult Pipeline::run(const GenerationRequest& request,
                               const std::optional<core::model::Revision>& previous,
                               RunContext& context) const {
  const core::model::GenerationOptions& options = request.options;
  GenerationResult result;
  core::model::RunTrace& trace = result.trace;
  trace.job_id = request.job_id;
  trace.place_id = request.place_id;
  trace.options = options;
  trace.distance_policy = m_distances.describe(options);
  trace.settings = m_settings;
  if (previous) {
    // What this run takes from the previous revision, so a replay can give it the same input.
    for (const core::model::Attraction& a : previous->attractions) {
      if (a.editor == core::model::EditorFields{}) continue;
      core::model::Attraction carried;
      carried.id = a.id;
      carried.name = a.name;
      carried.editor = a.editor;
      trace.editor_input.push_back(std::move(carried));
    }
    for (const core::model::Tour& tour : previous->tours) {
      if (tour.order_locked) trace.locked_tours.push_back(tour);
    }
  }

  trace.city = run_stage(Stage::City, trace, context, m_retry, [&](auto&) {
    return m_places.city(request.place_id, options, context);
  });
  trace.places_source = trace.city.source;  // a routing provider serves some places offline
  trace.candidates =
      run_stage(Stage::Attractions, trace, context, m_retry, [&](core::model::StageRecord& record) {
        auto candidates = m_places.attractions(trace.city, options, context);
        add_note(record, std::to_string(candidates.size()) + " candidates");
        return candidates;
      });
  trace.decisions =
      run_stage(Stage::Filter, trace, context, m_retry, [&](core::model::StageRecord& record) {
        FilterOutcome outcome = m_filter.filter(trace.city, trace.candidates, options, context);
        trace.filter_used = outcome.used;
        carry_editor_fields(outcome.decisions, previous);
        const auto kept =
            std::count_if(outcome.decisions.begin(), outcome.decisions.end(), [](const auto& a) {
              return core::model::effective_included(a);
            });
        add_note(record,
                 outcome.used + ": kept " + std::to_string(kept) + " of " +
                     std::to_string(outcome.decisions.size()));
        return std::move(outcome.decisions);
      });
  std::vector<std::string> warnings = plan_and_walk(trace, context);

  // A city without tours is of no use to the app: the run fails with why, and stores nothing.
  if (trace.tours.empty()) throw core::Error("no_tours", no_tours_reason(options, warnings));

  result.city = trace.city;
  result.warnings = std::move(warnings);
  result.revision.origin = core::model::RevisionOrigin::Generation;
  result.revision.job_id = request.job_id;
  result.revision.options = options;
  result.revision.attractions = sorted_for_people(trace.decisions);
  result.revision.tours = trace.tours;
  trace.calls = context.calls;
  return result;
}

std::vector<std::string> Pipeline::plan_and_walk(core::model::RunTrace& trace,
                                                 RunContext& context) const {
  const core::model::GenerationOptions& options = trace.options;
  const core::algo::PlanPoints points = core::algo::plan_points(trace.decisions, options);
  const core::algo::TravelMatrix matrix =
      run_stage(Stage::Distances, trace, context, m_retry, [&](auto& record) {
        add_note(record,
                 trace.distance_policy + ", " + std::to_string(points.points.size()) + " points");
        return m_distances.matrix(trace.city, points.points, options, context);
      });
  core::algo::PlanResult plan = run_stage(Stage::Plan, trace, context, m_retry, [&](auto& record) {
    core::planner::SolveOptions solve_options;
    solve_options.seed = options.seed;
    auto planned = core::algo::plan_tours(
        trace.decisions, points, matrix, options, trace.locked_tours, solve_options);
    add_note(record, std::to_string(planned.tours.size()) + " tours");
    return planned;
  });
  trace.planned = plan.tours;
  trace.tours = run_stage(Stage::Legs, trace, context, m_retry, [&](auto&) {
    std::vector<core::model::Tour> tours = plan.tours;
    m_distances.legs(trace.city, tours, options, context);
    keep_within_budgets(trace.city, tours, m_distances, options, context);
    return tours;
  });
  return std::move(plan.warnings);
}

GenerationResult Pipeline::replan(const ReplanRequest& request, RunContext& context) const {
  GenerationResult result;
  core::model::RunTrace& trace = result.trace;
  trace.job_id = request.job_id;
  trace.place_id = request.city.place_id;
  trace.origin = core::model::RevisionOrigin::Replan;
  trace.base_revision = request.base.number;
  trace.options = request.options;
  trace.places_source = request.city.source;
  trace.distance_policy = m_distances.describe(request.options);
  trace.settings = m_settings;
  trace.city = request.city;
  trace.decisions = request.base.attractions;
  // Only tours whose order an editor froze bind the planner (core::algo::plan_tours).
  for (const core::model::Tour& tour : request.base.tours) {
    if (tour.order_locked) trace.locked_tours.push_back(tour);
  }
  result.warnings = plan_and_walk(trace, context);
  result.city = request.city;
  result.revision.origin = core::model::RevisionOrigin::Replan;
  result.revision.job_id = request.job_id;
  result.revision.options = request.options;
  result.revision.tours = trace.tours;
  trace.calls = context.calls;
  return result;
}

}  // namespace server::pipeline
