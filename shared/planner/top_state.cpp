#include "shared/planner/top_state.h"

namespace core::planner {

TopState::TopState(const Instance& instance) : m_inst(&instance) {
  const int k = instance.tour_count;
  m_seq.resize(at(k));
  for (auto& s : m_seq) s.reserve(at(instance.size + 2));
  m_travel.assign(at(k), 0.0);
  m_service.assign(at(k), 0.0);
  m_route_cost.assign(at(k), 0.0);
  m_route_of.assign(at(instance.size), -1);
  m_pos_of.assign(at(instance.size), -1);
  for (int r = 0; r < k; ++r) {
    std::vector<int>& s = m_seq[at(r)];
    s.push_back(instance.start[at(r)]);
    for (const int node : instance.frozen_stops[at(r)]) s.push_back(node);
    s.push_back(instance.end[at(r)]);
    refresh(r);
  }
}

void TopState::clear() {
  for (int r = 0; r < route_count(); ++r) {
    if (m_inst->frozen[at(r)] != 0) continue;
    std::vector<int>& s = m_seq[at(r)];
    while (s.size() > 2) remove(r, 1);
  }
}

double TopState::route_cost(int r, double travel, double duration) const {
  const double scale = m_inst->balance_scale[at(r)];
  const double balance = scale > 0.0 ? m_inst->balance_weight * duration * duration / scale : 0.0;
  return travel + balance;
}

void TopState::insert(int r, int pos, int node) {
  std::vector<int>& s = m_seq[at(r)];
  s.insert(s.begin() + pos, node);
  m_score += m_inst->score[at(node)];
  refresh(r);
}

int TopState::remove(int r, int pos) {
  std::vector<int>& s = m_seq[at(r)];
  const int node = s[at(pos)];
  s.erase(s.begin() + pos);
  m_score -= m_inst->score[at(node)];
  m_route_of[at(node)] = -1;
  m_pos_of[at(node)] = -1;
  refresh(r);
  return node;
}

void TopState::refresh(int r) {
  const std::vector<int>& s = m_seq[at(r)];
  double travel = 0.0;
  double service = 0.0;
  const int last = static_cast<int>(s.size()) - 1;
  for (int p = 0; p < last; ++p) travel += m_inst->d(s[at(p)], s[at(p + 1)]);
  for (int p = 1; p < last; ++p) {
    const int node = s[at(p)];
    service += m_inst->service[at(node)];
    m_route_of[at(node)] = r;
    m_pos_of[at(node)] = p;
  }
  m_travel[at(r)] = travel;
  m_service[at(r)] = service;
  m_route_cost[at(r)] = route_cost(r, travel, travel + service);
  // Summed afresh (K is small) so that no rounding drift builds up over a long search.
  m_secondary = 0.0;
  for (const double c : m_route_cost) m_secondary += c;
}

}  // namespace core::planner
