#include "server/http/city_access.h"
#include "server/http/handlers.h"
#include "server/http/responses.h"
#include "server/pipeline/budget_check.h"
#include "server/support/clock.h"
#include "server/support/log.h"
#include "shared/algo/tour_planning.h"
#include "shared/edit/revision_diff.h"
#include "shared/errors.h"
#include "shared/json/edit_messages.h"
#include "shared/json/model_json.h"
#include "shared/model/working_revision.h"

#include <chrono>

namespace server::http {
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

nlohmann::json optional_body(const httplib::Request& request) {
  if (request.body.find_first_not_of(" \t\r\n") == std::string::npos) return nlohmann::json::object();
  return parse_body(request);
}

}  // namespace

void handle_replan(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const std::string city_id = request.matches[1];
  const auto replan_request = optional_body(request).get<core::json::ReplanRequest>();
  const core::model::City city = require_city(context, city_id);
  const std::optional<int> number = core::model::working_revision(city);
  if (!number) throw core::ConflictError("city " + city_id + " has no revision to replan");
  const core::model::Revision base = *context.store.load_revision(city_id, *number);
  const core::model::GenerationOptions options =
      core::json::merge_generation_options(replan_request.options, base.options, "options");

  // Plan outside the database transaction: distances may come from a network service. Those
  // calls cost money like a generation's, so they get the same CALL_BUDGET and accounting.
  pipeline::RunContext run;
  run.call_budget = context.config.call_budget;
  std::vector<core::model::StageRecord> stages;
  core::algo::PlanResult plan;
  try {
    const core::algo::PlanPoints points = core::algo::plan_points(base.attractions, options);
    const core::algo::TravelMatrix matrix =
        metered(core::model::Stage::Distances, run, stages,
                [&] { return context.distances.matrix(city, points.points, options, run); });
    core::planner::SolveOptions solve;
    solve.seed = options.seed;
    plan = metered(core::model::Stage::Plan, run, stages, [&] {
      return core::algo::plan_tours(base.attractions, points, matrix, options, base.tours, solve);
    });
    metered(core::model::Stage::Legs, run, stages, [&] {
      context.distances.legs(city, plan.tours, options, run);
      pipeline::keep_within_budgets(city, plan.tours, context.distances, options, run);
      return true;
    });
  } catch (const std::exception& e) {
    // The error answers the request; the calls already made (and paid for) are logged.
    support::log(
        support::LogLevel::Warn, "replan_failed",
        {{"city_id", city_id}, {"error", e.what()}, {"spent", spending(run, stages, context.config.call_budget)}});
    throw;
  }

  const core::model::Revision draft = context.store.edit_draft(city_id, [&](core::model::Revision& revision) {
    if (!same_planning_input(revision, base)) {
      throw core::ConflictError("the draft changed while it was being replanned; replan again", "draft_changed");
    }
    revision.options = options;
    revision.tours = plan.tours;
  });
  const core::json::ReplanAnswer answer{{require_city(context, city_id), draft, plan.warnings},
                                        spending(run, std::move(stages), context.config.call_budget)};
  support::log(support::LogLevel::Info, "replan",
               {{"city_id", city_id}, {"calls", answer.replan.calls}, {"cost_usd", answer.replan.cost_usd}});
  send_json(response, 200, answer);
}

void handle_publish(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const std::string city_id = request.matches[1];
  const bool dry_run = optional_body(request).get<core::json::PublishRequest>().dry_run;
  const core::model::City city = require_city(context, city_id);
  if (!city.draft_revision) throw core::ConflictError("city " + city_id + " has no draft to publish", "no_draft");
  const auto draft = context.store.load_revision(city_id, *city.draft_revision);
  const auto published =
      city.published_revision ? context.store.load_revision(city_id, *city.published_revision) : std::nullopt;
  const core::edit::RevisionChanges changes =
      core::edit::compare_revisions(published.value_or(core::model::Revision{}), *draft);
  if (dry_run) {
    send_json(response, 200, core::json::PublishAnswer{true, "", 0, draft->number, changes});
    return;
  }
  const int number = context.store.publish(city_id);
  context.published_pointers.forget(city_id);  // this instance's app readers see it at once
  send_json(response, 200, core::json::PublishAnswer{false, city_id, number, 0, changes});
}

}  // namespace server::http
