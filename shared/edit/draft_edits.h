#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/algo/walking_model.h"
#include "shared/model/revision.h"

namespace core::edit {

/// A field of a PATCH: absent (leave it), null (clear the override) or a value (override).
template <class T>
using Patch = std::optional<std::optional<T>>;

/// An editor's change to one attraction (PATCH /api/cities/{id}/attractions/{aid}).
struct AttractionPatch {
  Patch<bool> included;
  Patch<std::string> name;
  Patch<std::string> description;
  Patch<int> visit_minutes;
  Patch<double> interest_score;
  Patch<int> locked_tour;

  friend bool operator==(const AttractionPatch&, const AttractionPatch&) = default;
};

/// One tour as an editor arranged it (PUT /api/cities/{id}/tours).
struct TourEdit {
  struct Stop {
    std::string attraction_id;
    bool locked = false;

    friend bool operator==(const Stop&, const Stop&) = default;
  };
  std::vector<Stop> stops;
  bool order_locked = false;

  friend bool operator==(const TourEdit&, const TourEdit&) = default;
};

/// Applies `patch` to attraction `attraction_id` of `draft` and keeps its tours consistent: an
/// excluded stop leaves its tour, a renamed or re-timed stop is updated, a stop locked into a tour
/// moves there (at the cheapest position) and is marked locked.
/// Legs around a removed stop are re-estimated with `walking`. Throws core::NotFoundError for an
/// unknown attraction, core::InputError for a value out of range (names the field).
void apply_attraction_patch(model::Revision& draft,
                            const std::string& attraction_id,
                            const AttractionPatch& patch,
                            const algo::WalkingModel& walking);

/// Replaces the draft's tours with `tours` (tour i = tours[i]): validates that there is at least
/// one tour, that every tour has a stop, and that every stop is a known, included attraction used
/// once; sets the editors' locks, and estimates legs with `walking`. Throws core::InputError naming
/// the problem (the draft is then unchanged). Returns warnings (tours over budget).
std::vector<std::string> apply_tour_edits(model::Revision& draft,
                                          const std::vector<TourEdit>& tours,
                                          const algo::WalkingModel& walking);

/// Straight-line walking legs between the tour's waypoints with `walking`; totals recomputed.
void estimate_legs(model::Tour& tour, const algo::WalkingModel& walking);

}  // namespace core::edit
