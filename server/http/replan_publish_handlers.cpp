#include "server/http/city_access.h"
#include "server/http/handlers.h"
#include "server/http/responses.h"
#include "server/pipeline/budget_check.h"
#include "server/support/clock.h"
#include "server/support/log.h"
#include "shared/algo/tour_planning.h"
#include "shared/edit/revision_diff.h"
#include "shared/errors.h"
#include "shared/json/documents.h"
#include "shared/json/edits_json.h"
#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"

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
auto metered(const char* stage, pipeline::RunContext& run, std::vector<core::model::StageTiming>& stages, Fn&& fn) {
  const auto start = std::chrono::steady_clock::now();
  const std::size_t calls_before = run.calls.size();
  run.notes.clear();
  auto result = fn();
  const pipeline::RunContext::Spent spent = run.spent_since(calls_before);
  core::model::StageTiming timing{stage, support::seconds_since(start), spent.calls, spent.cost_usd, ""};
  run.move_notes_into(timing.note);
  stages.push_back(std::move(timing));
  return result;
}

// What the replan spent, without the bodies (a generation keeps those in its run trace for replay;
// a replan has no trace to replay).
nlohmann::json spending(const pipeline::RunContext& run, const std::vector<core::model::StageTiming>& stages,
                        int call_budget) {
  nlohmann::json calls = nlohmann::json::array();
  double cost_usd = 0.0;
  for (const core::model::ExternalCall& call : run.calls) {
    cost_usd += call.cost_usd;
    nlohmann::json item{{"service", call.service},  {"operation", call.operation}, {"status", call.status},
                        {"attempt", call.attempt},  {"seconds", call.seconds},     {"sku", call.sku},
                        {"cost_usd", call.cost_usd}};
    if (!call.error.empty()) item["error"] = call.error;
    calls.push_back(std::move(item));
  }
  return {{"calls", run.calls.size()},
          {"cost_usd", cost_usd},
          {"call_budget", call_budget},
          {"stages", stages},
          {"external_calls", calls}};
}

nlohmann::json optional_body(const httplib::Request& request) {
  if (request.body.find_first_not_of(" \t\r\n") == std::string::npos) return nlohmann::json::object();
  return parse_body(request);
}

}  // namespace

void handle_replan(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const std::string city_id = request.matches[1];
  const nlohmann::json body = optional_body(request);
  core::json::ObjectReader reader(body, "", true);
  reader.ignore("options");
  reader.finish();
  const core::model::City city = require_city(context, city_id);
  const auto number = city.draft_revision ? city.draft_revision : city.published_revision;
  if (!number) throw core::ConflictError("city " + city_id + " has no revision to replan");
  const core::model::Revision base = *context.store.load_revision(city_id, *number);
  const core::model::GenerationOptions options =
      core::json::merge_generation_options(body.value("options", nlohmann::json()), base.options, "options");

  // Plan outside the database transaction: distances may come from a network service. Those
  // calls cost money like a generation's, so they get the same CALL_BUDGET and accounting.
  pipeline::RunContext run;
  run.call_budget = context.config.call_budget;
  std::vector<core::model::StageTiming> stages;
  core::algo::PlanResult plan;
  try {
    const core::algo::PlanPoints points = core::algo::plan_points(base.attractions, options);
    const core::algo::TravelMatrix matrix =
        metered("distances", run, stages, [&] { return context.distances.matrix(city, points.points, options, run); });
    core::planner::SolveOptions solve;
    solve.seed = options.seed;
    plan = metered("plan", run, stages, [&] {
      return core::algo::plan_tours(base.attractions, points, matrix, options, base.tours, solve);
    });
    metered("legs", run, stages, [&] {
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
  nlohmann::json document = core::json::city_document(require_city(context, city_id), draft);
  document["warnings"] = plan.warnings;
  document["replan"] = spending(run, stages, context.config.call_budget);
  support::log(support::LogLevel::Info, "replan",
               {{"city_id", city_id}, {"calls", run.calls.size()}, {"cost_usd", document["replan"]["cost_usd"]}});
  send_json(response, 200, document);
}

void handle_publish(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const std::string city_id = request.matches[1];
  const nlohmann::json body = optional_body(request);
  core::json::ObjectReader reader(body, "", true);
  bool dry_run = false;
  reader.optional("dry_run", dry_run);
  reader.finish();
  const core::model::City city = require_city(context, city_id);
  if (!city.draft_revision) throw core::ConflictError("city " + city_id + " has no draft to publish", "no_draft");
  const auto draft = context.store.load_revision(city_id, *city.draft_revision);
  if (draft->tours.empty()) {
    throw core::ConflictError("revision " + std::to_string(draft->number) +
                                  " has no tours: the app would show an empty city; replan or edit it first",
                              "no_tours");
  }
  const auto published =
      city.published_revision ? context.store.load_revision(city_id, *city.published_revision) : std::nullopt;
  const core::edit::RevisionChanges changes =
      core::edit::compare_revisions(published.value_or(core::model::Revision{}), *draft);
  if (dry_run) {
    send_json(response, 200,
              {{"success", true}, {"dry_run", true}, {"draft_revision", draft->number}, {"changes", changes}});
    return;
  }
  const int number = context.store.publish(city_id);
  context.published_pointers.forget(city_id);  // this instance's app readers see it at once
  send_json(response, 200,
            {{"success", true}, {"city_id", city_id}, {"revision", number}, {"changes", changes}});
}

}  // namespace server::http
