#pragma once

#include <string>
#include <vector>

#include "shared/edit/draft_edits.h"
#include "shared/model/revision.h"

namespace console::state {

/// One stop as the editor arranged it.
struct DraftStop {
  std::string attraction_id;
  std::string name;
  bool locked = false;

  friend bool operator==(const DraftStop&, const DraftStop&) = default;
};

/// One tour as the editor arranged it.
struct DraftTour {
  std::vector<DraftStop> stops;
  bool order_locked = false;

  friend bool operator==(const DraftTour&, const DraftTour&) = default;
};

/// The tours after the local arrangement: estimated (straight-line) legs and totals, the
/// budget warnings, or the reason the arrangement is invalid. Computed by core::edit.
struct TourPreview {
  std::vector<core::model::Tour> tours;
  std::vector<std::string> warnings;
  std::string error;  ///< non-empty when core::edit refuses the arrangement
};

/// The tours panel's copy of a revision's tours: reorder, move between tours, lock; edits()
/// gives the PUT body. The preview follows every change. Pure.
class TourDraft {
 public:
  /// Replaces the arrangement with `revision`'s tours; clears the dirty mark.
  void reset(const core::model::Revision& revision);
  const std::vector<DraftTour>& tours() const { return m_tours; }
  /// True if the arrangement differs from the loaded revision.
  bool dirty() const { return m_tours != m_loaded; }

  /// Moves stop `from_index` of tour `from_tour` so it lands before the stop now at `to_index`
  /// of tour `to_tour` (`to_index` == size appends). Returns false (and changes nothing) for
  /// indices out of range. A moved stop keeps its lock.
  bool move(int from_tour, int from_index, int to_tour, int to_index);
  /// Locks or unlocks a stop into its tour.
  void set_locked(int tour, int index, bool locked);
  /// Freezes (or releases) a tour's order for replanning.
  void set_order_locked(int tour, bool locked);
  /// Back to the loaded tours.
  void revert();

  /// The arrangement as core::edit's PUT /tours input.
  std::vector<core::edit::TourEdit> edits() const;
  /// The loaded tours when clean, else the arrangement applied to the revision by core::edit.
  const TourPreview& preview() const { return m_preview; }

 private:
  bool valid(int tour, int index, bool allow_end) const;
  void refresh();

  core::model::Revision m_base;
  std::vector<DraftTour> m_loaded;
  std::vector<DraftTour> m_tours;
  TourPreview m_preview;
};

}  // namespace console::state
