#include "console/state/edit_history.h"

namespace console::state {

void EditHistory::before_change(const AttractionDraft& attractions,
                                const TourDraft& tours,
                                const std::string& key) {
  m_redo.clear();
  if (!key.empty() && key == m_last_key && !m_undo.empty()) return;
  m_undo.push_back({attractions, tours, key});
  if (m_undo.size() > kMaxSteps) m_undo.erase(m_undo.begin());
  m_last_key = key;
}

bool EditHistory::undo(AttractionDraft& attractions, TourDraft& tours) {
  if (m_undo.empty()) return false;
  m_redo.push_back({attractions, tours, m_undo.back().key});
  attractions = std::move(m_undo.back().attractions);
  tours = std::move(m_undo.back().tours);
  m_undo.pop_back();
  m_last_key.clear();
  return true;
}

bool EditHistory::redo(AttractionDraft& attractions, TourDraft& tours) {
  if (m_redo.empty()) return false;
  m_undo.push_back({attractions, tours, m_redo.back().key});
  attractions = std::move(m_redo.back().attractions);
  tours = std::move(m_redo.back().tours);
  m_redo.pop_back();
  m_last_key.clear();
  return true;
}

void EditHistory::clear() {
  m_undo.clear();
  m_redo.clear();
  m_last_key.clear();
}

}  // namespace console::state
