#include "server/http/generation_admission.h"

#include <cstdio>

#include "server/jobs/cost_bound.h"
#include "shared/errors.h"

namespace server::http {
namespace {

// A full queue drains at the workers' pace: a client may ask again after this.
constexpr std::chrono::seconds kQueueRetry{30};

std::string usd(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

std::string gauge(const std::string& name, const std::string& help, double value) {
  char number[32];
  std::snprintf(number, sizeof number, "%.6f", value);
  return "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n" + name + " " + number +
         "\n";
}

}  // namespace

GenerationAdmission::GenerationAdmission(const config::Config& config, const support::Clock& clock)
    : m_cost_bound(jobs::generation_cost_bound(config)),
      m_queue_max(config.safeguards.queue_max_jobs),
      m_rate(config.safeguards.generate_per_hour, config.safeguards.generate_burst, clock),
      m_spend(
          config.safeguards.spend_usd_per_day, config.safeguards.caller_spend_usd_per_day, clock) {}

jobs::SpendBudget::Ticket GenerationAdmission::admit(storage::Store& store,
                                                     const std::string& caller,
                                                     config::Role role,
                                                     httplib::Response& response) {
  if (role == config::Role::App) {
    if (const auto wait = m_rate.take(caller)) {
      ++m_refused_rate;
      response.set_header("Retry-After", std::to_string(wait->count()));
      throw core::Error("rate_limited",
                        "too many new generations from this caller; try again in " +
                            std::to_string(wait->count()) + " s");
    }
  }
  const auto counts = store.count_jobs();
  const auto queued = counts.find(core::model::JobStatus::Queued);
  if (queued != counts.end() && queued->second >= m_queue_max) {
    ++m_refused_queue;
    response.set_header("Retry-After", std::to_string(kQueueRetry.count()));
    throw core::Error("queue_full",
                      "the generation queue is full (" + std::to_string(m_queue_max) +
                          " jobs); try again later");
  }
  settle(store);
  auto reserved = m_spend.reserve(role == config::Role::App ? caller : "", m_cost_bound);
  if (const auto* refusal = std::get_if<jobs::SpendRefusal>(&reserved)) {
    ++m_refused_spend;
    response.set_header("Retry-After", std::to_string(refusal->retry_after.count()));
    throw core::Error("spend_budget_exhausted",
                      std::string(refusal->global ? "today's spend budget"
                                                  : "this caller's spend budget for today") +
                          " would be exceeded: a generation may cost up to $" + usd(m_cost_bound) +
                          ", $" + usd(refusal->spent_usd) + " of $" + usd(refusal->budget_usd) +
                          " is spent or reserved; it resets at 00:00 UTC");
  }
  return std::get<jobs::SpendBudget::Ticket>(reserved);
}

void GenerationAdmission::queued(jobs::SpendBudget::Ticket ticket,
                                 const std::string& job_id,
                                 bool joined) {
  if (joined) {
    m_spend.cancel(ticket);
  } else {
    m_spend.assign(ticket, job_id);
  }
}

void GenerationAdmission::settle(storage::Store& store) {
  m_spend.settle([this, &store](const std::string& job_id) -> std::optional<double> {
    const auto job = store.find_job(job_id);
    if (!job) return 0.0;  // gone: nothing more will be spent on it
    // A failed run's calls are not all recorded: it keeps its bound.
    if (job->status == core::model::JobStatus::Failed) return m_cost_bound;
    if (job->status != core::model::JobStatus::Succeeded) return std::nullopt;
    double cost = 0.0;
    for (const auto& stage : job->stages) cost += stage.cost_usd;
    return cost;
  });
}

std::string GenerationAdmission::render_metrics(storage::Store& store) {
  try {
    settle(store);
  } catch (const std::exception&) {
    // The store being down leaves the reservations as they are.
  }
  const jobs::SpendSnapshot spend = m_spend.snapshot();
  std::string out;
  out += gauge("narrando_spend_usd_today",
               "estimated external cost of generations this UTC day (reservations included)",
               spend.spent_usd);
  out += gauge("narrando_spend_reserved_usd",
               "cost bounds held for generations not finished",
               spend.reserved_usd);
  out += gauge("narrando_spend_budget_usd", "SPEND_BUDGET_USD_PER_DAY", spend.budget_usd);
  out += gauge("narrando_spend_caller_budget_usd",
               "SPEND_BUDGET_USD_PER_CALLER_PER_DAY",
               spend.caller_budget_usd);
  out +=
      gauge("narrando_generation_cost_bound_usd", "the most one generation can cost", m_cost_bound);
  out +=
      "# HELP narrando_generation_refusals_total new generations refused by the paid-call bounds\n"
      "# TYPE narrando_generation_refusals_total counter\n";
  out += "narrando_generation_refusals_total{reason=\"rate_limited\"} " +
         std::to_string(m_refused_rate.load()) + "\n";
  out += "narrando_generation_refusals_total{reason=\"queue_full\"} " +
         std::to_string(m_refused_queue.load()) + "\n";
  out += "narrando_generation_refusals_total{reason=\"spend_budget_exhausted\"} " +
         std::to_string(m_refused_spend.load()) + "\n";
  return out;
}

}  // namespace server::http
