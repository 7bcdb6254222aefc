#pragma once

#include <algorithm>
#include <atomic>
#include <memory>

#include "server/auth/supabase_verifier.h"
#include "server/config/config.h"
#include "server/http/document_cache.h"
#include "server/http/generation_admission.h"
#include "server/http/published_pointers.h"
#include "server/http/published_refresher.h"
#include "server/http/wait_slots.h"
#include "server/jobs/job_board.h"
#include "server/pipeline/interfaces.h"
#include "server/service/generation_service.h"
#include "server/storage/store.h"
#include "server/support/clock.h"

namespace server::jobs {
class WorkerPool;
}

namespace server::http {

/// What the HTTP handlers use. Owned by whoever starts the server (serve, tests).
struct ApiContext {
  ApiContext(const config::Config& c, storage::Store& s, pipeline::PlaceProvider& p, pipeline::DistanceProvider& d,
             jobs::JobBoard& b, jobs::WorkerPool* w, const support::Clock& k = support::system_clock())
      : config(c),
        clock(k),
        store(s),
        distances(d),
        board(b),
        pool(w),
        generation(s, p, &b, w, k),
        published_pointers(std::chrono::seconds(c.published_cache_seconds)),
        published_refresher(s, published_pointers, k),
        wait_slots(static_cast<std::size_t>(std::max(1, c.http_threads / 4))),
        admission(c, k),
        app_tokens(auth::make_supabase_verifier(c.supabase, k)) {}

  const config::Config& config;
  const support::Clock& clock;            ///< the wait window, event keep-alives, the published cache
  storage::Store& store;
  pipeline::DistanceProvider& distances;  ///< for replanning a draft
  jobs::JobBoard& board;
  jobs::WorkerPool* pool = nullptr;       ///< woken when a job is queued; may be null
  service::GenerationService generation;  ///< generate: submit or join, watch the job (places, board, pool)
  DocumentCache published_documents;
  PublishedPointers published_pointers;   ///< lets the app's reads skip the store (PUBLISHED_CACHE_SECONDS)
  PublishedRefresher published_refresher;  ///< refreshes expired published_pointers off the request path
  WaitSlots wait_slots;                   ///< a quarter of HTTP_THREADS may wait for a job at once
  GenerationAdmission admission;          ///< rate limit, queue bound and spend budget of new generations
  std::unique_ptr<auth::SupabaseVerifier> app_tokens;  ///< app users' access tokens; null without SUPABASE_URL
  std::atomic<bool> stopping{false};      ///< set at shutdown: waiting handlers answer at once
  bool probes_only = false;               ///< a worker instance: /healthz, /readyz, /metrics only
};

}  // namespace server::http
