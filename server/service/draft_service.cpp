#include "server/service/draft_service.h"

#include <algorithm>
#include <chrono>

#include "server/pipeline/budget_check.h"
#include "server/support/clock.h"
#include "server/support/log.h"
#include "shared/algo/tour_planning.h"
#include "shared/errors.h"
#include "shared/json/model_json.h"
#include "shared/model/working_revision.h"

namespace server::service {
namespace {

// The editable state of a revision: what the planner saw. A replan is written only if the draft
// still has it, so a concurrent edit is never overwritten by a plan made without it.
bool same_planning_input(const core::model::Revision& a, const core::model::Revision& b) {
  if (a.attractions.size() != b.attractions.size()) return false;
  for (std::size_t i = 0; i < a.attractions.size(); ++i) {
    if (a.attractions[i].id != b.attractions[i].id || a.attractions[i].editor != b.attractions[i].editor) return false;
  }
  return true;
}

// Runs one replan stage with the accounting a generation's stages get: its time, the external
// calls it made and their estimated cost, and the notes of what it did differently.
template <class Fn>
auto metered(core::model::Stage stage, pipeline::RunContext& run, std::vector<core::model::StageRecord>& stages,
             Fn&& fn) {
  const auto start = std::chrono::steady_clock::now();
  const std::size_t calls_before = run.calls.size();
  run.notes.clear();
  auto result = fn();
  const pipeline::RunContext::Spent spent = run.spent_since(calls_before);
  core::model::StageRecord timing{stage, support::seconds_since(start), spent.calls, spent.cost_usd, ""};
  run.move_notes_into(timing.note);
  stages.push_back(std::move(timing));
  return result;
}

// What the replan spent, without the bodies (a generation keeps those in its run trace for replay;
// a replan has no trace to replay).
core::json::ReplanReport spending(const pipeline::RunContext& run, std::vector<core::model::StageRecord> stages,
                                  int call_budget) {
  core::json::ReplanReport report;
  report.calls = static_cast<int>(run.calls.size());
  report.call_budget = call_budget;
  report.stages = std::move(stages);
  for (const core::model::ExternalCall& call : run.calls) {
    report.cost_usd += call.cost_usd;
    report.external_calls.push_back(core::json::CallSummary::of(call));
  }
  return report;
}

core::model::City require_city(storage::Store& store, const std::string& city_id) {
  auto city = store.find_city(city_id);
  if (!city) throw core::NotFoundError("no city with id " + city_id);
  return std::move(*city);
}

// The three stages of a replan over `base`, outside any transaction (distances may come from a
// network service); `run` and `stages` keep what was spent, also when a stage throws.
core::algo::PlanResult plan_again(pipeline::DistanceProvider& distances, const core::model::City& city,
                                  const core::model::Revision& base, const core::model::GenerationOptions& options,
                                  pipeline::RunContext& run, std::vector<core::model::StageRecord>& stages) {
  const core::algo::PlanPoints points = core::algo::plan_points(base.attractions, options);
  const core::algo::TravelMatrix matrix = metered(core::model::Stage::Distances, run, stages, [&] {
    return distances.matrix(city, points.points, options, run);
  });
  core::planner::SolveOptions solve;
  solve.seed = options.seed;
  core::algo::PlanResult plan = metered(core::model::Stage::Plan, run, stages, [&] {
    return core::algo::plan_tours(base.attractions, points, matrix, options, base.tours, solve);
  });
  metered(core::model::Stage::Legs, run, stages, [&] {
    distances.legs(city, plan.tours, options, run);
    pipeline::keep_within_budgets(city, plan.tours, distances, options, run);
    return true;
  });
  return plan;
}

}  // namespace

ReplanOutcome replan(storage::Store& store, pipeline::DistanceProvider& distances, const std::string& city_id,
                     const nlohmann::json& options_patch, int call_budget, int concurrency) {
  const core::model::City city = require_city(store, city_id);
  const std::optional<int> number = core::model::working_revision(city);
  if (!number) throw core::ConflictError("city " + city_id + " has no revision to replan");
  const core::model::Revision base = *store.load_revision(city_id, *number);
  const core::model::GenerationOptions options =
      core::json::merge_generation_options(options_patch, base.options, "options");

  // Those calls cost money like a generation's, so they get the same CALL_BUDGET and accounting.
  pipeline::RunContext run;
  run.call_budget = call_budget;
  run.concurrency = concurrency;  // the Routes legs and matrix blocks, as in a generation
  std::vector<core::model::StageRecord> stages;
  core::algo::PlanResult plan;
  try {
    plan = plan_again(distances, city, base, options, run, stages);
  } catch (const std::exception& e) {
    // The error answers the caller; the calls already made (and paid for) are logged.
    support::log(support::LogLevel::Warn, "replan_failed",
                 {{"city_id", city_id}, {"error", e.what()}, {"spent", spending(run, stages, call_budget)}});
    throw;
  }
  core::model::Revision draft = store.edit_draft(city_id, [&](core::model::Revision& revision) {
    if (!same_planning_input(revision, base)) {
      throw core::ConflictError("the draft changed while it was being replanned; replan again", "draft_changed");
    }
    revision.options = options;
    revision.tours = plan.tours;
  });
  ReplanOutcome outcome{require_city(store, city_id), std::move(draft), std::move(plan.warnings),
                        spending(run, std::move(stages), call_budget)};
  support::log(support::LogLevel::Info, "replan",
               {{"city_id", city_id}, {"calls", outcome.spent.calls}, {"cost_usd", outcome.spent.cost_usd}});
  return outcome;
}

PublishOutcome publish(storage::Store& store, const std::string& city_id, bool dry_run) {
  const core::model::City city = require_city(store, city_id);
  if (!city.draft_revision) throw core::ConflictError("city " + city_id + " has no draft to publish", "no_draft");
  const auto draft = store.load_revision(city_id, *city.draft_revision);
  if (draft->tours.empty()) {
    throw core::ConflictError("revision " + std::to_string(draft->number) +
                                  " has no tours: the app would show an empty city; replan or edit it first",
                              "no_tours");
  }
  const auto published =
      city.published_revision ? store.load_revision(city_id, *city.published_revision) : std::nullopt;
  PublishOutcome outcome{draft->number, std::nullopt,
                         core::edit::compare_revisions(published.value_or(core::model::Revision{}), *draft)};
  if (!dry_run) outcome.published = store.publish(city_id);
  return outcome;
}

core::model::Revision edit_attraction(storage::Store& store, const std::string& city_id,
                                      const std::string& attraction_id, const core::edit::AttractionPatch& patch) {
  require_city(store, city_id);
  return store.edit_draft(city_id, [&](core::model::Revision& revision) {
    const core::algo::WalkingModel walking{revision.options.walking_speed_kmh, revision.options.detour_factor};
    core::edit::apply_attraction_patch(revision, attraction_id, patch, walking);
  });
}

core::model::Revision edit_tours(storage::Store& store, const std::string& city_id,
                                 const std::vector<core::edit::TourEdit>& edits, std::vector<std::string>& warnings) {
  require_city(store, city_id);
  return store.edit_draft(city_id, [&](core::model::Revision& revision) {
    const core::algo::WalkingModel walking{revision.options.walking_speed_kmh, revision.options.detour_factor};
    warnings = core::edit::apply_tour_edits(revision, edits, walking);
  });
}

}  // namespace server::service
