#include "server/service/draft_service.h"

#include "server/service/read_service.h"
#include "server/support/log.h"
#include "server/support/uuid.h"
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
    if (a.attractions[i].id != b.attractions[i].id ||
        a.attractions[i].editor != b.attractions[i].editor)
      return false;
  }
  return true;
}

// What the replan spent, without the bodies (its run trace keeps those, for replay).
core::json::ReplanReport spending(const std::vector<core::model::ExternalCall>& calls,
                                  std::vector<core::model::StageRecord> stages,
                                  int call_budget) {
  core::json::ReplanReport report;
  report.calls = static_cast<int>(calls.size());
  report.call_budget = call_budget;
  report.stages = std::move(stages);
  for (const core::model::ExternalCall& call : calls) {
    report.cost_usd += call.cost_usd;
    report.external_calls.push_back(core::json::CallSummary::of(call));
  }
  return report;
}

}  // namespace

DraftService::DraftService(storage::Store& store,
                           const pipeline::Pipeline& pipeline,
                           ReplanSettings settings,
                           const support::Clock& clock)
    : m_store(store), m_pipeline(pipeline), m_settings(settings), m_clock(clock) {}

ReplanOutcome DraftService::replan(const std::string& city_id,
                                   const nlohmann::json& options_patch) const {
  const core::model::City city = require_city(m_store, city_id);
  const std::optional<int> number = core::model::working_revision(city);
  if (!number) throw core::ConflictError("city " + city_id + " has no revision to replan");
  const core::model::Revision base = *m_store.load_revision(city_id, *number);
  const core::model::GenerationOptions options =
      core::json::merge_generation_options(options_patch, base.options, "options");

  // Those calls cost money like a generation's, so they get the same CALL_BUDGET and accounting.
  core::model::Job job;
  job.id = support::new_uuid();
  job.place_id = city.place_id;
  job.options = options;
  job.origin = core::model::RevisionOrigin::Replan;
  job.created_at = job.started_at = support::to_iso8601(m_clock.now());
  pipeline::RunContext run;
  run.call_budget = m_settings.call_budget;
  run.concurrency =
      m_settings.concurrency;  // the Routes legs and matrix blocks, as in a generation
  pipeline::GenerationResult result;
  try {
    result = m_pipeline.replan({job.id, city, base, options}, run);
  } catch (const std::exception& e) {
    // The error answers the caller; the calls already made (and paid for) are logged.
    support::log(support::LogLevel::Warn,
                 "replan_failed",
                 {{"city_id", city_id},
                  {"run_id", job.id},
                  {"error", e.what()},
                  {"spent", spending(run.calls, {}, m_settings.call_budget)}});
    throw;
  }
  job.stages = result.trace.stages;
  core::model::Revision draft = m_store.save_replan(
      city_id,
      [&](core::model::Revision& revision) {
        if (!same_planning_input(revision, base)) {
          throw core::ConflictError("the draft changed while it was being replanned; replan again",
                                    "draft_changed");
        }
        revision.options = options;
        revision.tours = result.revision.tours;
      },
      job,
      result.trace);
  ReplanOutcome outcome{require_city(m_store, city_id),
                        std::move(draft),
                        std::move(result.warnings),
                        spending(result.trace.calls, result.trace.stages, m_settings.call_budget),
                        job.id};
  support::log(support::LogLevel::Info,
               "replan",
               {{"city_id", city_id},
                {"run_id", job.id},
                {"calls", outcome.spent.calls},
                {"cost_usd", outcome.spent.cost_usd}});
  return outcome;
}

PublishOutcome DraftService::publish(const std::string& city_id, bool dry_run) const {
  storage::Store& store = m_store;
  const core::model::City city = require_city(store, city_id);
  if (!city.draft_revision)
    throw core::ConflictError("city " + city_id + " has no draft to publish", "no_draft");
  const auto draft = store.load_revision(city_id, *city.draft_revision);
  if (draft->tours.empty()) {
    throw core::ConflictError(
        "revision " + std::to_string(draft->number) +
            " has no tours: the app would show an empty city; replan or edit it first",
        "no_tours");
  }
  const auto published = city.published_revision
                             ? store.load_revision(city_id, *city.published_revision)
                             : std::nullopt;
  PublishOutcome outcome{
      draft->number,
      std::nullopt,
      core::edit::compare_revisions(published.value_or(core::model::Revision{}), *draft)};
  if (!dry_run) outcome.published = store.publish(city_id);
  return outcome;
}

core::model::Revision
DraftService::edit_attraction(const std::string& city_id,
                              const std::string& attraction_id,
                              const core::edit::AttractionPatch& patch) const {
  require_city(m_store, city_id);
  return m_store.edit_draft(city_id, [&](core::model::Revision& revision) {
    const core::algo::WalkingModel walking{revision.options.walking_speed_kmh,
                                           revision.options.detour_factor};
    core::edit::apply_attraction_patch(revision, attraction_id, patch, walking);
  });
}

core::model::Revision DraftService::edit_tours(const std::string& city_id,
                                               const std::vector<core::edit::TourEdit>& edits,
                                               std::vector<std::string>& warnings) const {
  require_city(m_store, city_id);
  return m_store.edit_draft(city_id, [&](core::model::Revision& revision) {
    const core::algo::WalkingModel walking{revision.options.walking_speed_kmh,
                                           revision.options.detour_factor};
    warnings = core::edit::apply_tour_edits(revision, edits, walking);
  });
}

}  // namespace server::service
