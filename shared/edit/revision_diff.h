#pragma once

#include <string>
#include <vector>

#include "shared/model/revision.h"

namespace core::edit {

/// How one tour differs between two revisions (matched by tour index).
struct TourChange {
  int index = 0;
  std::string title;                 ///< the newer title (or the older one if the tour is gone)
  std::vector<std::string> added;    ///< stop names
  std::vector<std::string> removed;  ///< stop names
  bool reordered = false;            ///< same stops, other order
  double minutes_before = 0.0;
  double minutes_after = 0.0;

  friend bool operator==(const TourChange&, const TourChange&) = default;
};

/// What changes for the app when `after` replaces `before`.
struct RevisionChanges {
  int tours_before = 0;
  int tours_after = 0;
  std::vector<TourChange> tours;            ///< only tours that changed
  std::vector<std::string> newly_included;  ///< attraction names
  std::vector<std::string> newly_excluded;
  std::vector<std::string> renamed;  ///< "old -> new"

  /// True if anything differs.
  bool any() const {
    return tours_before != tours_after || !tours.empty() || !newly_included.empty() ||
           !newly_excluded.empty() || !renamed.empty();
  }

  friend bool operator==(const RevisionChanges&, const RevisionChanges&) = default;
};

/// Compares two revisions of a city for people (publish confirmation, QA run comparison).
RevisionChanges compare_revisions(const model::Revision& before, const model::Revision& after);

}  // namespace core::edit
