#pragma once

// A small draft for the edit tests, built from the JSON samples: sights s0..s6 on one street
// running east of the tours' start, about 840 m apart (odd ones 220 m north of it, so that no
// two insertion positions tie). Tour 0 visits s0 s1 s2, tour 1 s3 s4;
// s5 is included but in no tour, s6 is excluded.
#include <string>
#include <vector>

#include "shared/algo/walking_model.h"
#include "shared/edit/draft_edits.h"
#include "shared/model/revision.h"
#include "tests/core/json/samples.h"

namespace narrando::testing {

inline constexpr int kEditSights = 7;

/// Sight `i` of the edit draft: the sample attraction moved, renamed and without overrides.
inline core::model::Attraction edit_sight(int i) {
  core::model::Attraction a = sample_attraction();
  a.id = "s" + std::to_string(i);
  a.source_id = "test:" + a.id;
  a.name = "Sight " + std::to_string(i);
  a.location = {41.15 + 0.002 * (i % 2), -8.62 + 0.01 * i};
  a.interest_score = 50.0 + i;
  a.visit_minutes = 10 + i;
  a.included = i != 6;
  a.editor = {};
  return a;
}

/// The tour stop showing `a` (unlocked).
inline core::model::TourStop stop_of(const core::model::Attraction& a) {
  return {a.id,
          core::model::effective_name(a),
          a.location,
          core::model::effective_visit_minutes(a),
          core::model::effective_score(a),
          false};
}

/// The edit draft (see the top of this file), legs estimated with `walking`.
inline core::model::Revision edit_draft(const core::algo::WalkingModel& walking) {
  core::model::Revision draft = sample_revision();
  draft.options.tours = 2;
  draft.options.minutes_per_tour = 180;
  draft.options.start = core::model::GeoPoint{41.15, -8.63};
  draft.options.end.reset();
  draft.attractions.clear();
  for (int i = 0; i < kEditSights; ++i) draft.attractions.push_back(edit_sight(i));
  draft.tours.clear();
  const std::vector<std::vector<int>> visits = {{0, 1, 2}, {3, 4}};
  for (std::size_t t = 0; t < visits.size(); ++t) {
    core::model::Tour tour;
    tour.index = static_cast<int>(t);
    tour.title = "Tour " + std::to_string(t + 1);
    tour.start = draft.options.start;
    tour.end = draft.options.start;
    tour.budget_minutes = draft.options.minutes_per_tour;
    for (const int i : visits[t]) {
      tour.stops.push_back(stop_of(draft.attractions[static_cast<std::size_t>(i)]));
    }
    core::edit::estimate_legs(tour, walking);
    draft.tours.push_back(tour);
  }
  return draft;
}

/// Attraction ids of the stops of `tour`, in order.
inline std::vector<std::string> stop_ids(const core::model::Tour& tour) {
  std::vector<std::string> ids;
  for (const core::model::TourStop& stop : tour.stops) ids.push_back(stop.attraction_id);
  return ids;
}

}  // namespace narrando::testing
