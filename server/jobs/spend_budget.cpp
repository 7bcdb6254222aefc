#include "server/jobs/spend_budget.h"

namespace server::jobs {
namespace {

constexpr long kSecondsPerDay = 86400;

long utc_day(std::chrono::system_clock::time_point time) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count() /
      kSecondsPerDay);
}

std::chrono::seconds until_next_day(std::chrono::system_clock::time_point time) {
  const long seconds = static_cast<long>(
      std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count());
  return std::chrono::seconds(kSecondsPerDay - seconds % kSecondsPerDay);
}

}  // namespace

SpendBudget::SpendBudget(double usd_per_day, double caller_usd_per_day, const support::Clock& clock)
    : m_budget(usd_per_day), m_caller_budget(caller_usd_per_day), m_clock(clock) {}

void SpendBudget::roll_day() {
  const long today = utc_day(m_clock.now());
  if (today == m_day) return;
  // A new UTC day: spending starts from zero; generations still running keep their reservations.
  m_day = today;
  m_settled = 0.0;
  m_caller_settled.clear();
}

std::variant<SpendBudget::Ticket, SpendRefusal> SpendBudget::reserve(const std::string& caller,
                                                                     double bound) {
  std::lock_guard lock(m_mutex);
  roll_day();
  double spent = m_settled;
  double caller_spent = caller.empty() ? 0.0 : m_caller_settled[caller];
  for (const auto& [id, reservation] : m_reservations) {
    spent += reservation.bound;
    if (!caller.empty() && reservation.caller == caller) caller_spent += reservation.bound;
  }
  // A generation that costs nothing (embedded data, no paid service) is never refused.
  if (bound > 0.0 && spent + bound > m_budget)
    return SpendRefusal{true, spent, m_budget, until_next_day(m_clock.now())};
  if (bound > 0.0 && !caller.empty() && caller_spent + bound > m_caller_budget) {
    return SpendRefusal{false, caller_spent, m_caller_budget, until_next_day(m_clock.now())};
  }
  const Ticket ticket{m_next_ticket++};
  m_reservations[ticket.id] = {caller, "", bound};
  return ticket;
}

void SpendBudget::assign(Ticket ticket, const std::string& job_id) {
  std::lock_guard lock(m_mutex);
  if (auto it = m_reservations.find(ticket.id); it != m_reservations.end())
    it->second.job_id = job_id;
}

void SpendBudget::cancel(Ticket ticket) {
  std::lock_guard lock(m_mutex);
  m_reservations.erase(ticket.id);
}

void SpendBudget::settle(const std::function<std::optional<double>(const std::string&)>& cost_of) {
  std::lock_guard lock(m_mutex);
  roll_day();
  for (auto it = m_reservations.begin(); it != m_reservations.end();) {
    const std::optional<double> cost =
        it->second.job_id.empty() ? std::nullopt : cost_of(it->second.job_id);
    if (!cost) {
      ++it;
      continue;
    }
    m_settled += *cost;
    if (!it->second.caller.empty()) m_caller_settled[it->second.caller] += *cost;
    it = m_reservations.erase(it);
  }
}

SpendSnapshot SpendBudget::snapshot() {
  std::lock_guard lock(m_mutex);
  roll_day();
  SpendSnapshot snapshot{m_settled, 0.0, m_budget, m_caller_budget};
  for (const auto& [id, reservation] : m_reservations) snapshot.reserved_usd += reservation.bound;
  snapshot.spent_usd += snapshot.reserved_usd;
  return snapshot;
}

}  // namespace server::jobs
