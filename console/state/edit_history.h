#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "console/state/attraction_draft.h"
#include "console/state/tour_draft.h"

namespace console::state {

/// Undo and redo of draft edits (attraction cells and tour arrangements) before they are saved:
/// a snapshot of both drafts is kept before each change. Changes with the same key in a row
/// (typing in one cell) are one step. A city reply (load, save, replan) clears the history: the
/// server's answer is the new starting point.
class EditHistory {
 public:
  /// Steps kept; older ones are forgotten.
  static constexpr std::size_t kMaxSteps = 100;

  /// Records the drafts as they are before a change named `key` (e.g. "name:<id>"), unless the
  /// previous change had the same key. Forgets what could be redone.
  void
  before_change(const AttractionDraft& attractions, const TourDraft& tours, const std::string& key);
  /// Puts the drafts back as they were before the last step; false when there is none.
  bool undo(AttractionDraft& attractions, TourDraft& tours);
  /// Applies again the step undone last; false when there is none.
  bool redo(AttractionDraft& attractions, TourDraft& tours);
  /// Forgets everything.
  void clear();

  bool can_undo() const { return !m_undo.empty(); }
  bool can_redo() const { return !m_redo.empty(); }
  std::size_t undo_steps() const { return m_undo.size(); }

 private:
  struct Snapshot {
    AttractionDraft attractions;
    TourDraft tours;
    std::string key;
  };
  std::vector<Snapshot> m_undo;
  std::vector<Snapshot> m_redo;
  std::string m_last_key;  ///< empty after an undo or redo: the next change is a new step
};

}  // namespace console::state
