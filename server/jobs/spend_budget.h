#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "server/support/clock.h"

namespace server::jobs {

/// Why a generation was refused by the spend budget.
struct SpendRefusal {
  bool global = false;     ///< the instance's daily budget (else the caller's)
  double spent_usd = 0.0;  ///< spent and reserved today, by the budget that refused
  double budget_usd = 0.0;
  std::chrono::seconds retry_after{0};  ///< until the next UTC day
};

/// What the budget holds today (for /metrics).
struct SpendSnapshot {
  double spent_usd = 0.0;     ///< settled generations' estimated cost, plus reservations
  double reserved_usd = 0.0;  ///< bounds held for generations not finished
  double budget_usd = 0.0;
  double caller_budget_usd = 0.0;
};

/**
 * The estimated external cost of generations per UTC day, for the instance and per caller. A
 * generation reserves its cost bound (generation_cost_bound) before it is queued and is refused
 * when that could exceed either budget; once it has finished, the reservation becomes its
 * recorded cost (a failed run keeps its bound: its calls are not all recorded). In-process: each
 * instance keeps its own day. Time (the UTC day) is `clock`'s wall time. Thread-safe.
 */
class SpendBudget {
 public:
  SpendBudget(double usd_per_day,
              double caller_usd_per_day,
              const support::Clock& clock = support::system_clock());

  /// Reserves `bound` for `caller` (empty: counted against the instance budget only); returns a
  /// ticket, or the refusal.
  struct Ticket {
    std::uint64_t id = 0;
  };
  std::variant<Ticket, SpendRefusal> reserve(const std::string& caller, double bound);
  /// Ties a reservation to the job it queued.
  void assign(Ticket ticket, const std::string& job_id);
  /// Gives a reservation back (the request queued nothing new).
  void cancel(Ticket ticket);
  /// Replaces the reservations of finished jobs by their cost: `cost_of(job_id)` says a job's
  /// cost once it has finished (nullopt while it runs).
  void settle(const std::function<std::optional<double>(const std::string&)>& cost_of);
  /// Today's figures.
  SpendSnapshot snapshot();

 private:
  struct Reservation {
    std::string caller;
    std::string job_id;
    double bound = 0.0;
  };
  void roll_day();  // with m_mutex held

  double m_budget;
  double m_caller_budget;
  const support::Clock& m_clock;
  std::mutex m_mutex;
  long m_day = -1;
  double m_settled = 0.0;
  std::map<std::string, double> m_caller_settled;
  std::map<std::uint64_t, Reservation> m_reservations;
  std::uint64_t m_next_ticket = 1;
};

}  // namespace server::jobs
