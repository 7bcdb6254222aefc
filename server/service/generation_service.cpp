#include "server/service/generation_service.h"

#include "server/jobs/worker_pool.h"
#include "server/service/revision_choice.h"
#include "shared/errors.h"

namespace server::service {

GenerationService::GenerationService(storage::Store& store, pipeline::PlaceProvider& places,
                                     const jobs::JobBoard* board, jobs::WorkerPool* pool,
                                     const support::Clock& clock)
    : m_store(store), m_places(places), m_board(board), m_pool(pool), m_clock(clock) {}

ExistingCity GenerationService::existing(core::model::City city, config::Role reader) const {
  const std::optional<int> number = revision_number(city, revision_for(reader));
  auto revision = number ? m_store.load_revision(city.id, *number) : std::nullopt;
  return {std::move(city), std::move(revision)};
}

Submission GenerationService::submit(const GenerateCall& call, config::Role reader) {
  m_places.check_place_id(call.place_id);
  const std::optional<core::model::Job> keyed =
      call.idempotency_key.empty() ? std::nullopt : m_store.find_job_by_idempotency_key(call.idempotency_key);
  if (keyed) storage::require_same_request(*keyed, call.place_id, call.options);
  if (!keyed && !call.options.force) {
    if (auto city = m_store.find_city_by_place(call.place_id)) return {existing(std::move(*city), reader), {}};
  }
  // A replayed key joins its own job: no new work, no bounds to pass.
  if (!keyed && call.admission.admit) call.admission.admit();
  Submission submission{std::nullopt, m_store.enqueue_job(call.place_id, call.options, call.idempotency_key)};
  if (const auto& city_id = submission.queued.existing_city) {
    // The place's job ended between the check above and the enqueue: answer its city.
    if (!keyed && call.admission.queued) call.admission.queued({}, true);
    if (auto city = m_store.find_city(*city_id)) return {existing(std::move(*city), reader), {}};
    throw core::NotFoundError("city " + *city_id + " of " + call.place_id + " was deleted meanwhile");
  }
  if (!keyed && call.admission.queued) call.admission.queued(submission.queued.job.id, submission.queued.joined);
  if (!submission.queued.joined && m_pool != nullptr) m_pool->notify();
  return submission;
}

JobWatch GenerationService::watch(const core::model::Job& job) const { return {m_board, m_store, m_clock, job}; }

}  // namespace server::service
