#include "server/service/generation_service.h"

#include "server/jobs/job_runner.h"
#include "server/jobs/worker_pool.h"
#include "server/service/revision_choice.h"
#include "shared/errors.h"

namespace server::service {

namespace {

// However long a job runs elsewhere, a caller of run_or_wait waits for its end.
constexpr std::chrono::hours kUntilItEnds{24 * 365};

}  // namespace

GenerationService::GenerationService(storage::Store& store,
                                     pipeline::PlaceProvider& places,
                                     jobs::JobBoard* board,
                                     jobs::WorkerPool* pool,
                                     const jobs::JobRunner* runner,
                                     const support::Clock& clock)
    : m_store(store), m_places(places), m_board(board), m_pool(pool), m_runner(runner),
      m_clock(clock) {}

ExistingCity GenerationService::existing(core::model::City city, config::Role reader) const {
  const std::optional<int> number = revision_number(city, revision_for(reader));
  auto revision = number ? m_store.load_revision(city.id, *number) : std::nullopt;
  return {std::move(city), std::move(revision)};
}

Submission GenerationService::submit(const GenerateCall& call, config::Role reader) {
  m_places.check_place_id(call.place_id);
  const std::optional<core::model::Job> keyed =
      call.idempotency_key.empty() ? std::nullopt
                                   : m_store.find_job_by_idempotency_key(call.idempotency_key);
  if (keyed) storage::require_same_request(*keyed, call.place_id, call.options);
  if (!keyed && !call.options.force) {
    if (auto city = m_store.find_city_by_place(call.place_id))
      return {existing(std::move(*city), reader), {}};
  }
  // A replayed key joins its own job: no new work, no bounds to pass.
  if (!keyed && call.admission.admit) call.admission.admit();
  Submission submission{std::nullopt,
                        m_store.enqueue_job(call.place_id, call.options, call.idempotency_key)};
  if (const auto& city_id = submission.queued.existing_city) {
    // The place's job ended between the check above and the enqueue: answer its city.
    if (!keyed && call.admission.queued) call.admission.queued({}, true);
    if (auto city = m_store.find_city(*city_id)) return {existing(std::move(*city), reader), {}};
    throw core::NotFoundError("city " + *city_id + " of " + call.place_id +
                              " was deleted meanwhile");
  }
  if (!keyed && call.admission.queued)
    call.admission.queued(submission.queued.job.id, submission.queued.joined);
  if (!submission.queued.joined && m_pool != nullptr) m_pool->notify();
  return submission;
}

JobWatch GenerationService::watch(const core::model::Job& job) const {
  return {m_board, m_store, m_clock, job};
}

core::model::Job GenerationService::wait(const core::model::Job& job,
                                         std::chrono::milliseconds window,
                                         const std::atomic<bool>& stopping) const {
  JobWatch follow = watch(job);
  return follow.wait_until_finished(window, stopping);
}

void GenerationService::wake_watchers() const {
  if (m_board != nullptr) m_board->wake_all();
}

Finished GenerationService::run_or_wait(const core::model::Job& job,
                                        const std::string& worker,
                                        std::chrono::seconds lease,
                                        const std::function<void(const core::model::Job&)>& on_join,
                                        const std::atomic<bool>& stopping) const {
  if (m_runner != nullptr) {
    if (auto claimed = m_store.claim_specific_job(job.id, worker, lease)) {
      jobs::RunHooks hooks;
      hooks.cancel = &stopping;
      if (m_board != nullptr)
        hooks.on_update = [this](const core::model::Job& news) { m_board->post(news); };
      jobs::JobOutcome outcome = m_runner->run(std::move(*claimed), worker, hooks);
      return {std::move(outcome.job), std::move(outcome.warnings)};
    }
  }
  // Someone else (a server sharing the database) runs this place: wait for its outcome.
  if (on_join) on_join(job);
  return {wait(job, kUntilItEnds, stopping), {}};
}

}  // namespace server::service
