#include "shared/planner/tsp_tour.h"

#include <cmath>
#include <stdexcept>
#include <utility>

namespace core::planner {
namespace {

// Reversals per kick are few; beyond this the kick is simply kept.
constexpr std::size_t kJournalCapacity = 4096;

}  // namespace

TspTour::TspTour(const CostMatrix& matrix, const std::vector<int>& order, bool symmetric)
    : m_matrix(&matrix), m_symmetric(symmetric), m_n(static_cast<int>(order.size())),
      m_order(order), m_pos(order.size(), 0), m_fwd(order.size() + 1, 0.0),
      m_bwd(order.size() + 1, 0.0) {
  for (int p = 0; p < m_n; ++p) m_pos[at(m_order[at(p)])] = p;
  m_journal.reserve(kJournalCapacity);
}

void TspTour::reverse_positions(int first, int count) {
  int i = first;
  int j = wrap(first + count - 1);
  for (int k = 0; k < count / 2; ++k) {
    const int a = m_order[at(i)];
    const int b = m_order[at(j)];
    m_order[at(i)] = b;
    m_pos[at(b)] = i;
    m_order[at(j)] = a;
    m_pos[at(a)] = j;
    i = wrap(i + 1);
    j = wrap(j - 1);
  }
  m_prefix_valid = false;
  if (m_journal.size() < kJournalCapacity) {
    m_journal.emplace_back(first, count);
  } else {
    m_journal_ok = false;
  }
}

void TspTour::two_opt_move(int t1, int t2, int t3, int t4) {
  // Reverse the path t2..t3 (or t1..t4 when the edges run backwards in the array).
  int from = t2;
  int to = t3;
  if (next(t1) != t2) {
    from = t1;
    to = t4;
  }
  const int count = path_size(from, to);
  if (m_symmetric && 2 * count > m_n) {
    // The complementary path gives the same cycle, walked the other way: cheaper to reverse.
    reverse_positions(wrap(m_pos[at(to)] + 1), m_n - count);
  } else {
    reverse_positions(m_pos[at(from)], count);
  }
}

bool TspTour::undo_journal() {
  if (!m_journal_ok) return false;
  while (!m_journal.empty()) {
    const auto [first, count] = m_journal.back();
    m_journal.pop_back();
    reverse_positions(first, count);
    m_journal.pop_back();  // the undo itself was journalled
  }
  return true;
}

void TspTour::rebuild_prefix() {
  for (int p = 0; p < m_n; ++p) {
    const int a = m_order[at(p)];
    const int b = m_order[at(wrap(p + 1))];
    m_fwd[at(p + 1)] = m_fwd[at(p)] + (*m_matrix)(a, b);
    m_bwd[at(p + 1)] = m_bwd[at(p)] + (*m_matrix)(b, a);
  }
  m_prefix_valid = true;
}

double TspTour::forward_cost(int from, int to) {
  if (!m_prefix_valid) rebuild_prefix();
  const int i = m_pos[at(from)];
  const int j = m_pos[at(to)];
  return i <= j ? m_fwd[at(j)] - m_fwd[at(i)] : m_fwd[at(m_n)] - m_fwd[at(i)] + m_fwd[at(j)];
}

double TspTour::backward_cost(int from, int to) {
  if (!m_prefix_valid) rebuild_prefix();
  const int i = m_pos[at(from)];
  const int j = m_pos[at(to)];
  return i <= j ? m_bwd[at(j)] - m_bwd[at(i)] : m_bwd[at(m_n)] - m_bwd[at(i)] + m_bwd[at(j)];
}

std::string TspTour::first_divergence() const {
  if (m_order.size() != static_cast<std::size_t>(m_n) || m_pos.size() != m_order.size()) {
    return "order or positions do not hold every node";
  }
  for (int p = 0; p < m_n; ++p) {
    const int node = m_order[at(p)];
    if (node < 0 || node >= m_n || m_pos[at(node)] != p) {
      return "position " + std::to_string(p) + " holds node " + std::to_string(node) +
             " whose cached position disagrees";
    }
  }
  if (!m_prefix_valid) return {};
  for (int p = 0; p < m_n; ++p) {
    const int a = m_order[at(p)];
    const int b = m_order[at(wrap(p + 1))];
    const double fwd = m_fwd[at(p)] + (*m_matrix)(a, b);
    const double bwd = m_bwd[at(p)] + (*m_matrix)(b, a);
    if (fwd != m_fwd[at(p + 1)] || bwd != m_bwd[at(p + 1)]) {
      return "prefix travel at position " + std::to_string(p + 1) + " is stale";
    }
  }
  return {};
}

#ifndef NDEBUG
void TspLengthWatch::moved(const TspTour& tour, double change, const char* move) {
  m_expected += change;
  std::string problem = tour.first_divergence();
  const double length = tour.length();
  // The expected length sums the moves' deltas: rounding grows with their number.
  if (problem.empty() && std::fabs(length - m_expected) > 1e-7 * (1.0 + std::fabs(length))) {
    problem =
        "length is " + std::to_string(length) + ", the moves claimed " + std::to_string(m_expected);
  }
  if (!problem.empty()) throw std::logic_error(std::string("TSP ") + move + ": " + problem);
}
#endif

double TspTour::length() const {
  double total = 0.0;
  for (int p = 0; p < m_n; ++p) total += (*m_matrix)(m_order[at(p)], m_order[at(wrap(p + 1))]);
  return total;
}

}  // namespace core::planner
