// The Store contract, run unchanged against every backend (SQLite always; PostgreSQL when the
// test environment provides one, see postgres_backend.cpp).
#include <gtest/gtest.h>

#include "server/errors.h"
#include "shared/errors.h"
#include "tests/server/storage/store_backends.h"

namespace {

using core::model::JobStatus;
using core::model::RevisionStatus;
using narrando::testing::sample_generation;
using server::storage::Store;

constexpr std::chrono::seconds kLease{30};

class StoreContract : public ::testing::TestWithParam<narrando::testing::StoreBackend> {
 protected:
  void SetUp() override { store = GetParam().open(clock); }

  // Queues (forced: the place may have a city already), claims and stores a generation of
  // `place_id`; returns what was saved.
  server::storage::SavedRevision
  generate(const std::string& place_id, int variant = 0, bool auto_publish = true) {
    core::model::GenerationOptions force;
    force.force = true;
    const auto queued = store->enqueue_job(place_id, force, "");
    auto job = store->claim_specific_job(queued.job.id, "worker-a", kLease);
    EXPECT_TRUE(job.has_value());
    auto sample = sample_generation(place_id, variant);
    sample.trace.job_id = job->id;
    return store->save_generation(
        sample.city, sample.revision, sample.trace, *job, "worker-a", auto_publish);
  }

  server::support::ManualClock clock;  // time moves only when a test says so
  std::unique_ptr<Store> store;
};

TEST_P(StoreContract, MigrationsAreIdempotent) {
  EXPECT_EQ(store->migrate(), 0) << "already migrated in SetUp";
}

TEST_P(StoreContract, FirstGenerationIsPublishedAtOnce) {
  const auto saved = generate("geonames:2735943");
  EXPECT_EQ(saved.revision, 1);
  EXPECT_TRUE(saved.published);
  const auto city = store->find_city(saved.city_id);
  ASSERT_TRUE(city);
  EXPECT_EQ(city->place_id, "geonames:2735943");
  EXPECT_EQ(city->published_revision, 1);
  EXPECT_FALSE(city->draft_revision);
  const auto revision = store->load_revision(saved.city_id, 1);
  ASSERT_TRUE(revision);
  const auto expected = sample_generation("geonames:2735943");
  EXPECT_EQ(revision->status, RevisionStatus::Published);
  EXPECT_EQ(revision->attractions, expected.revision.attractions);
  EXPECT_EQ(revision->tours, expected.revision.tours);
  EXPECT_EQ(revision->options, expected.revision.options);
  EXPECT_FALSE(revision->published_at.empty());
}

TEST_P(StoreContract, LaterGenerationsAreDraftsAndKeepTheCityId) {
  const auto first = generate("geonames:2735943");
  const auto second = generate("geonames:2735943", 1);
  const auto third = generate("geonames:2735943", 2);
  EXPECT_EQ(second.city_id, first.city_id);
  EXPECT_EQ(third.city_id, first.city_id);
  EXPECT_FALSE(second.published);
  EXPECT_EQ(third.revision, 3);
  const auto city = store->find_city(first.city_id);
  EXPECT_EQ(city->published_revision, 1);
  EXPECT_EQ(city->draft_revision, 3);
  EXPECT_EQ(store->load_revision(first.city_id, 2)->status, RevisionStatus::Superseded);
  EXPECT_EQ(store->load_revision(first.city_id, 1)->status, RevisionStatus::Published);
}

TEST_P(StoreContract, AutoPublishNeverKeepsEvenTheFirstAsDraft) {
  const auto saved = generate("geonames:2735943", 0, false);
  EXPECT_FALSE(saved.published);
  EXPECT_FALSE(store->find_city(saved.city_id)->published_revision);
  EXPECT_TRUE(store->list_cities(false).empty()) << "readers of published content see nothing";
  EXPECT_EQ(store->list_cities(true).size(), 1u);
}

TEST_P(StoreContract, EditDraftCopiesThePublishedRevisionThenPublishSwitches) {
  const auto saved = generate("geonames:2735943");
  const auto draft = store->edit_draft(
      saved.city_id, [](core::model::Revision& r) { r.attractions[0].editor.name = "Renamed"; });
  EXPECT_EQ(draft.number, 2);
  EXPECT_EQ(draft.status, RevisionStatus::Draft);
  EXPECT_EQ(draft.origin, core::model::RevisionOrigin::Edit);
  EXPECT_EQ(store->load_revision(saved.city_id, 2)->attractions[0].editor.name, "Renamed");
  EXPECT_FALSE(store->load_revision(saved.city_id, 1)->attractions[0].editor.name)
      << "published copy untouched";

  // A second edit updates the same draft.
  store->edit_draft(saved.city_id,
                    [](core::model::Revision& r) { r.attractions[1].editor.visit_minutes = 5; });
  const auto city = store->find_city(saved.city_id);
  EXPECT_EQ(city->draft_revision, 2);
  const auto updated = store->load_revision(saved.city_id, 2);
  EXPECT_EQ(updated->attractions[0].editor.name, "Renamed");
  EXPECT_EQ(updated->attractions[1].editor.visit_minutes, 5);

  EXPECT_EQ(store->publish(saved.city_id), 2);
  const auto after = store->find_city(saved.city_id);
  EXPECT_EQ(after->published_revision, 2);
  EXPECT_FALSE(after->draft_revision);
  EXPECT_EQ(store->load_revision(saved.city_id, 1)->status, RevisionStatus::Superseded);
  EXPECT_EQ(store->load_revision(saved.city_id, 2)->status, RevisionStatus::Published);
}

TEST_P(StoreContract, AFailedEditWritesNothing) {
  const auto saved = generate("geonames:2735943");
  EXPECT_THROW(
      store->edit_draft(saved.city_id,
                        [](core::model::Revision&) { throw core::InputError("bad edit"); }),
      core::InputError);
  EXPECT_FALSE(store->find_city(saved.city_id)->draft_revision);
  EXPECT_FALSE(store->load_revision(saved.city_id, 2));
}

// A replan's draft and its run (a finished job of origin replan, with its trace) in one
// transaction.
core::model::Job replan_job(const std::string& place_id) {
  core::model::Job job;
  job.id = "0b5e7f4e-3c1a-4d2b-9e8f-7a6b5c4d3e2f";
  job.place_id = place_id;
  job.origin = core::model::RevisionOrigin::Replan;
  job.options.tours = 2;
  job.stages = {{core::model::Stage::Distances, 0.5, 1, 0.005, ""},
                {core::model::Stage::Plan, 0.1, 0, 0.0, ""},
                {core::model::Stage::Legs, 0.2, 2, 0.01, ""}};
  return job;
}

TEST_P(StoreContract, AReplanWritesItsDraftAndItsRunTogether) {
  const auto saved = generate("geonames:2735943");
  clock.advance(std::chrono::minutes(1));
  const core::model::Job job = replan_job("geonames:2735943");
  core::model::RunTrace trace = sample_generation("geonames:2735943").trace;
  trace.job_id = job.id;
  trace.origin = core::model::RevisionOrigin::Replan;
  trace.base_revision = 1;
  const auto draft = store->save_replan(
      saved.city_id,
      [](core::model::Revision& revision) { revision.options.tours = 2; },
      job,
      trace);
  EXPECT_EQ(draft.number, 2);
  EXPECT_EQ(store->find_city(saved.city_id)->draft_revision, 2);
  const auto stored = store->find_job(job.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->origin, core::model::RevisionOrigin::Replan);
  EXPECT_EQ(stored->status, JobStatus::Succeeded);
  EXPECT_EQ(stored->stages, job.stages);
  ASSERT_TRUE(stored->result);
  EXPECT_EQ(stored->result->revision, 2);
  const auto run = store->load_run(job.id);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->origin, core::model::RevisionOrigin::Replan);
  EXPECT_EQ(run->city.id, saved.city_id);
  const auto runs = store->jobs_of_place("geonames:2735943", 10);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].id, job.id) << "newest first";
  EXPECT_EQ(runs[1].origin, core::model::RevisionOrigin::Generation);
  EXPECT_EQ(store->count_jobs().at(JobStatus::Succeeded), 1) << "job counts are of generations";
  EXPECT_FALSE(store->claim_job("worker-b", kLease)) << "a replan is never claimed";
}

TEST_P(StoreContract, AReplanWhoseEditThrowsWritesNeitherDraftNorRun) {
  const auto saved = generate("geonames:2735943");
  const core::model::Job job = replan_job("geonames:2735943");
  core::model::RunTrace trace = sample_generation("geonames:2735943").trace;
  EXPECT_THROW(
      store->save_replan(
          saved.city_id,
          [](core::model::Revision&) { throw core::ConflictError("changed", "draft_changed"); },
          job,
          trace),
      core::ConflictError);
  EXPECT_FALSE(store->find_city(saved.city_id)->draft_revision);
  EXPECT_FALSE(store->find_job(job.id));
  EXPECT_FALSE(store->load_run(job.id));
}

TEST_P(StoreContract, PublishWithoutDraftIsAConflictAndUnknownCitiesAreNotFound) {
  const auto saved = generate("geonames:2735943");
  EXPECT_THROW(store->publish(saved.city_id), core::ConflictError);
  EXPECT_THROW(store->publish("00000000-0000-4000-8000-000000000000"), core::NotFoundError);
  EXPECT_FALSE(store->find_city("not-a-uuid"));
  EXPECT_FALSE(store->find_job("not-a-uuid"));
  EXPECT_FALSE(store->load_run("not-a-uuid"));
  EXPECT_FALSE(store->load_revision(saved.city_id, 99));
}

TEST_P(StoreContract, SamePlaceJoinsTheActiveJobAndIdempotencyKeysAreHonoured) {
  const auto first = store->enqueue_job("geonames:1", {}, "");
  const auto second = store->enqueue_job("geonames:1", {}, "");
  EXPECT_FALSE(first.joined);
  EXPECT_TRUE(second.joined);
  EXPECT_EQ(second.job.id, first.job.id);
  const auto keyed = store->enqueue_job("geonames:2", {}, "key-123");
  const auto again = store->enqueue_job("geonames:2", {}, "key-123");
  EXPECT_TRUE(again.joined);
  EXPECT_EQ(again.job.id, keyed.job.id);
  EXPECT_EQ(store->find_job_by_idempotency_key("key-123")->id, keyed.job.id);
  EXPECT_FALSE(store->find_job_by_idempotency_key("key-456"));
}

TEST_P(StoreContract, AnIdempotencyKeyNeverStandsForAnotherRequest) {
  const auto keyed = store->enqueue_job("geonames:2", {}, "key-123");
  core::model::GenerationOptions two_tours;
  two_tours.tours = 2;
  for (const auto& [place, options] :
       {std::pair{std::string("geonames:3"), core::model::GenerationOptions{}},
        std::pair{std::string("geonames:2"), two_tours}}) {
    try {
      store->enqueue_job(place, options, "key-123");
      ADD_FAILURE() << "a different request joined the key's job";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.code(), "idempotency_key_reused");
    }
  }
  EXPECT_EQ(store->count_jobs().at(JobStatus::Queued), 1);
  EXPECT_EQ(store->find_job_by_idempotency_key("key-123")->id, keyed.job.id);
}

TEST_P(StoreContract, AnUnforcedRequestForAPlaceWithACityQueuesNothing) {
  const auto saved = generate("geonames:2735943");
  const auto next = store->enqueue_job("geonames:2735943", {}, "");
  ASSERT_TRUE(next.existing_city);
  EXPECT_EQ(*next.existing_city, saved.city_id);
  EXPECT_FALSE(next.joined);
  EXPECT_TRUE(next.job.id.empty());
  const auto runs = store->count_jobs();
  EXPECT_EQ(runs.at(JobStatus::Succeeded), 1);
  EXPECT_EQ(runs.at(JobStatus::Queued), 0);
}

TEST_P(StoreContract, AFinishedJobNoLongerAbsorbsAForcedRequest) {
  core::model::GenerationOptions force;
  force.force = true;
  const auto saved = generate("geonames:2735943");
  const auto next = store->enqueue_job("geonames:2735943", force, "");
  EXPECT_FALSE(next.existing_city);
  EXPECT_FALSE(next.joined);
  EXPECT_EQ(next.job.status, JobStatus::Queued);
  const auto runs = store->count_jobs();
  EXPECT_EQ(runs.at(JobStatus::Succeeded), 1);
  EXPECT_EQ(runs.at(JobStatus::Queued), 1);
  EXPECT_FALSE(saved.city_id.empty());
}

TEST_P(StoreContract, ClaimsTheOldestJobOnceAndRecordsTheAttempt) {
  const auto a = store->enqueue_job("geonames:1", {}, "");
  clock.advance(std::chrono::milliseconds(5));
  store->enqueue_job("geonames:2", {}, "");
  const auto claimed = store->claim_job("w1", kLease);
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, a.job.id);
  EXPECT_EQ(claimed->status, JobStatus::Running);
  EXPECT_EQ(claimed->attempts, 1);
  const auto other = store->claim_job("w2", kLease);
  ASSERT_TRUE(other);
  EXPECT_NE(other->id, a.job.id);
  EXPECT_FALSE(store->claim_job("w3", kLease));
}

TEST_P(StoreContract, AnExpiredLeaseIsTakenOverAndTheOldWorkerCannotWrite) {
  const auto queued = store->enqueue_job("geonames:2735943", {}, "");
  const auto first = store->claim_job("w1", kLease);
  ASSERT_TRUE(first);
  EXPECT_FALSE(store->claim_job("w2", kLease)) << "a lease in force";
  clock.advance(kLease + std::chrono::milliseconds(1));
  const auto second = store->claim_job("w2", kLease);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, queued.job.id);
  EXPECT_EQ(second->attempts, 2);
  EXPECT_FALSE(store->renew_lease(queued.job.id, "w1", kLease));
  auto sample = sample_generation("geonames:2735943");
  EXPECT_THROW(
      store->save_generation(sample.city, sample.revision, sample.trace, *first, "w1", true),
      server::LeaseLostError);
  EXPECT_FALSE(store->find_city_by_place("geonames:2735943")) << "nothing half-written";
  const auto saved =
      store->save_generation(sample.city, sample.revision, sample.trace, *second, "w2", true);
  EXPECT_EQ(store->find_job(queued.job.id)->status, JobStatus::Succeeded);
  EXPECT_EQ(store->find_job(queued.job.id)->result->city_id, saved.city_id);
}

TEST_P(StoreContract, FailedJobsRetryWhileAttemptsRemain) {
  const auto queued = store->enqueue_job("geonames:1", {}, "");
  const core::model::JobError error{"upstream_error", "places 503", core::model::Stage::City};
  for (int attempt = 1; attempt <= 3; ++attempt) {
    const auto job = store->claim_job("w", kLease);
    ASSERT_TRUE(job) << attempt;
    EXPECT_EQ(job->attempts, attempt);
    store->fail_job(job->id, "w", error, true);
  }
  const auto failed = store->find_job(queued.job.id);
  EXPECT_EQ(failed->status, JobStatus::Failed);
  EXPECT_EQ(failed->error, error);
  EXPECT_FALSE(failed->finished_at.empty());
  EXPECT_FALSE(store->claim_job("w", kLease));
}

TEST_P(StoreContract, ReleasedJobsGoBackWithoutSpendingAnAttempt) {
  store->enqueue_job("geonames:1", {}, "");
  const auto job = store->claim_job("w", kLease);
  store->release_job(job->id, "w");
  const auto again = store->claim_job("w2", kLease);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempts, 1);
}

TEST_P(StoreContract, ProgressAndRunTracesAreKept) {
  const auto queued = store->enqueue_job("geonames:2735943", {}, "");
  auto job = *store->claim_job("w", kLease);
  job.stage = core::model::Stage::Filter;
  job.progress = 0.4;
  store->update_progress(job, "w");
  EXPECT_EQ(store->find_job(job.id)->stage, core::model::Stage::Filter);
  EXPECT_DOUBLE_EQ(store->find_job(job.id)->progress, 0.4);
  auto sample = sample_generation("geonames:2735943");
  sample.trace.job_id = job.id;
  const auto saved =
      store->save_generation(sample.city, sample.revision, sample.trace, job, "w", true);
  const auto trace = store->load_run(queued.job.id);
  ASSERT_TRUE(trace);
  EXPECT_EQ(trace->job_id, job.id);
  EXPECT_EQ(trace->city.id, saved.city_id);
  EXPECT_EQ(trace->tours, sample.trace.tours);
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         StoreContract,
                         ::testing::ValuesIn(narrando::testing::store_backends()),
                         [](const auto& backend) { return backend.param.name; });

}  // namespace
