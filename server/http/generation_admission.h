#pragma once

#include <atomic>
#include <string>

#include <httplib.h>

#include "server/config/config.h"
#include "server/http/rate_limit.h"
#include "server/jobs/spend_budget.h"
#include "server/storage/store.h"
#include "server/support/clock.h"

namespace server::http {

/**
 * The bounds on paid work in front of POST /api/generate-city (issue 15): a request that would
 * queue a new generation passes, in order, the caller's rate limit (app callers: 429), the queue
 * bound (503) and the spend budgets (429), each refusal with Retry-After and before anything is
 * queued, so before any paid call. Editors are not rate limited; the instance budget binds them
 * too. Thread-safe.
 */
class GenerationAdmission {
 public:
  /// Rate limits run on `clock`'s steady time, spend days on its wall time (UTC).
  explicit GenerationAdmission(const config::Config& config,
                               const support::Clock& clock = support::system_clock());

  /// Admits a new generation by `caller` (Caller::id: "key:<scope>" or "user:<sub>"; empty in
  /// development mode)
  /// with `role`, or sets Retry-After on `response` and throws core::Error rate_limited,
  /// queue_full or spend_budget_exhausted. The ticket holds the generation's cost bound.
  jobs::SpendBudget::Ticket admit(storage::Store& store,
                                  const std::string& caller,
                                  config::Role role,
                                  httplib::Response& response);
  /// After enqueue_job: ties the reservation to the job, or gives it back when the request joined
  /// a job already queued.
  void queued(jobs::SpendBudget::Ticket ticket, const std::string& job_id, bool joined);
  /// The spend gauges and refusal counters in the Prometheus text format (for /metrics).
  std::string render_metrics(storage::Store& store);

 private:
  void settle(storage::Store& store);

  double m_cost_bound;
  int m_queue_max;
  RateLimiter m_rate;
  jobs::SpendBudget m_spend;
  std::atomic<long> m_refused_rate{0};
  std::atomic<long> m_refused_queue{0};
  std::atomic<long> m_refused_spend{0};
};

}  // namespace server::http
