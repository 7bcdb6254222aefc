#include "server/pipeline/interfaces.h"

namespace server::pipeline {

bool RunContext::take_call() {
  RunContext& owner = m_budget_owner != nullptr ? *m_budget_owner : *this;
  std::lock_guard lock(*owner.m_budget_mutex);
  if (owner.call_budget <= 0) return false;
  --owner.call_budget;
  return true;
}

RunContext RunContext::lane() {
  RunContext lane;
  lane.call_budget = 0;  // never read: take_call() spends the owner's
  lane.concurrency = concurrency;
  lane.cancel = cancel;
  lane.m_budget_owner = m_budget_owner != nullptr ? m_budget_owner : this;
  return lane;
}

void RunContext::merge(RunContext&& lane) {
  calls.insert(calls.end(),
               std::make_move_iterator(lane.calls.begin()),
               std::make_move_iterator(lane.calls.end()));
  notes.insert(notes.end(),
               std::make_move_iterator(lane.notes.begin()),
               std::make_move_iterator(lane.notes.end()));
  lane.calls.clear();
  lane.notes.clear();
}

}  // namespace server::pipeline
