#include "shared/edit/draft_edits.h"

#include <algorithm>
#include <map>
#include <set>

#include "shared/algo/tour_planning.h"
#include "shared/errors.h"

namespace core::edit {
namespace {

constexpr int kMaxVisitMinutes = 600;
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxDescriptionLength = 2000;

model::Attraction& find_attraction(model::Revision& draft, const std::string& attraction_id) {
  const auto it = std::find_if(draft.attractions.begin(),
                               draft.attractions.end(),
                               [&](const model::Attraction& a) { return a.id == attraction_id; });
  if (it == draft.attractions.end())
    throw NotFoundError("no attraction " + attraction_id + " in this city");
  return *it;
}

template <class T, class Check>
void apply_field(const Patch<T>& patch, std::optional<T>& target, Check check) {
  if (!patch) return;
  if (*patch) check(**patch);
  target = *patch;
}

void check_text(const std::string& text, std::size_t max_length, const char* field) {
  if (text.find_first_not_of(" \t\n") == std::string::npos && max_length == kMaxNameLength) {
    throw InputError(std::string(field) + " must not be empty");
  }
  if (text.size() > max_length) {
    throw InputError(std::string(field) + " must be at most " + std::to_string(max_length) +
                     " bytes");
  }
}

void refresh_stops(model::Revision& draft, const model::Attraction& a) {
  for (model::Tour& tour : draft.tours) {
    for (model::TourStop& stop : tour.stops) {
      if (stop.attraction_id != a.id) continue;
      stop.name = model::effective_name(a);
      stop.visit_minutes = model::effective_visit_minutes(a);
      stop.interest_score = model::effective_score(a);
      stop.locked = a.editor.locked_tour == tour.index;
    }
  }
}

// Moves a stop locked into another tour there, at the position that adds the least walking.
void move_into_locked_tour(model::Revision& draft,
                           const model::Attraction& a,
                           const algo::WalkingModel& walking) {
  const int target = *a.editor.locked_tour;
  for (model::Tour& tour : draft.tours) {
    if (tour.index == target) continue;
    const auto before = tour.stops.size();
    std::erase_if(tour.stops, [&](const model::TourStop& s) { return s.attraction_id == a.id; });
    if (tour.stops.size() != before) estimate_legs(tour, walking);
  }
  while (static_cast<int>(draft.tours.size()) <= target) {
    model::Tour empty;
    empty.index = static_cast<int>(draft.tours.size());
    empty.title = "Tour " + std::to_string(empty.index + 1);
    empty.budget_minutes = draft.options.minutes_per_tour;
    empty.start = draft.options.start;
    empty.end = draft.options.end ? draft.options.end : draft.options.start;
    draft.tours.push_back(empty);
  }
  model::Tour& tour = draft.tours[static_cast<std::size_t>(target)];
  const bool present =
      std::any_of(tour.stops.begin(), tour.stops.end(), [&](const model::TourStop& s) {
        return s.attraction_id == a.id;
      });
  if (present) return;
  std::size_t best_position = tour.stops.size();
  double best_extra = 1e300;
  for (std::size_t position = 0; position <= tour.stops.size(); ++position) {
    const model::GeoPoint* before =
        position > 0 ? &tour.stops[position - 1].location : (tour.start ? &*tour.start : nullptr);
    const model::GeoPoint* after = position < tour.stops.size() ? &tour.stops[position].location
                                                                : (tour.end ? &*tour.end : nullptr);
    double extra = 0.0;
    if (before) extra += algo::walking_metres(*before, a.location, walking);
    if (after) extra += algo::walking_metres(a.location, *after, walking);
    if (before && after) extra -= algo::walking_metres(*before, *after, walking);
    if (extra < best_extra) {
      best_extra = extra;
      best_position = position;
    }
  }
  tour.stops.insert(tour.stops.begin() + static_cast<std::ptrdiff_t>(best_position),
                    {a.id,
                     model::effective_name(a),
                     a.location,
                     model::effective_visit_minutes(a),
                     model::effective_score(a),
                     true});
  estimate_legs(tour, walking);
}

}  // namespace

void estimate_legs(model::Tour& tour, const algo::WalkingModel& walking) {
  std::vector<model::GeoPoint> waypoints;
  if (tour.start) waypoints.push_back(*tour.start);
  for (const model::TourStop& stop : tour.stops) waypoints.push_back(stop.location);
  if (tour.end) waypoints.push_back(*tour.end);
  std::vector<double> metres;
  std::vector<double> minutes;
  for (std::size_t i = 1; i < waypoints.size(); ++i) {
    metres.push_back(algo::walking_metres(waypoints[i - 1], waypoints[i], walking));
    minutes.push_back(algo::walking_minutes(metres.back(), walking));
  }
  algo::set_straight_legs(tour, waypoints, metres, minutes);
}

void apply_attraction_patch(model::Revision& draft,
                            const std::string& attraction_id,
                            const AttractionPatch& patch,
                            const algo::WalkingModel& walking) {
  model::Attraction& a = find_attraction(draft, attraction_id);
  model::EditorFields& editor = a.editor;
  apply_field(patch.included, editor.included, [](bool) {});
  apply_field(
      patch.name, editor.name, [](const std::string& v) { check_text(v, kMaxNameLength, "name"); });
  apply_field(patch.description, editor.description, [](const std::string& v) {
    check_text(v, kMaxDescriptionLength, "description");
  });
  apply_field(patch.visit_minutes, editor.visit_minutes, [](int v) {
    if (v < 0 || v > kMaxVisitMinutes) throw InputError("visit_minutes must be between 0 and 600");
  });
  apply_field(patch.interest_score, editor.interest_score, [](double v) {
    if (!(v >= 0.0 && v <= 100.0)) throw InputError("interest_score must be between 0 and 100");
  });
  const int tour_slots = std::max(draft.options.tours, static_cast<int>(draft.tours.size()));
  apply_field(patch.locked_tour, editor.locked_tour, [&](int v) {
    if (v < 0 || v >= tour_slots) {
      throw InputError("locked_tour must be a tour index from 0 to " +
                       std::to_string(tour_slots - 1));
    }
  });
  if (!model::effective_included(a) && editor.locked_tour) {
    throw InputError("an excluded attraction cannot be locked into a tour");
  }
  if (editor.locked_tour) move_into_locked_tour(draft, a, walking);
  if (!model::effective_included(a)) {
    for (model::Tour& tour : draft.tours) {
      const auto before = tour.stops.size();
      std::erase_if(tour.stops, [&](const model::TourStop& s) { return s.attraction_id == a.id; });
      if (tour.stops.size() != before) estimate_legs(tour, walking);
    }
  }
  refresh_stops(draft, a);
  for (model::Tour& tour : draft.tours) model::recompute_totals(tour);
}

std::vector<std::string> apply_tour_edits(model::Revision& draft,
                                          const std::vector<TourEdit>& tours,
                                          const algo::WalkingModel& walking) {
  // The list replaces every tour, and every city has at least one (options.tours is 1..12): an
  // empty list or an empty tour is a client's mistake, never a way to wipe what the app would show.
  if (tours.empty()) {
    throw InputError(
        "tours must hold at least one tour: an empty list would remove every tour of the city "
        "(to have fewer tours, leave some out, exclude attractions, or replan with options.tours)");
  }
  std::map<std::string, model::Attraction*, std::less<>> by_id;
  for (model::Attraction& a : draft.attractions) by_id.emplace(a.id, &a);
  std::set<std::string> used;
  for (std::size_t t = 0; t < tours.size(); ++t) {
    if (tours[t].stops.empty()) {
      throw InputError("tours[" + std::to_string(t) +
                       "].stops is empty: a tour needs at least one stop "
                       "(move stops into it, or leave the tour out)");
    }
    for (const TourEdit::Stop& stop : tours[t].stops) {
      const auto it = by_id.find(stop.attraction_id);
      if (it == by_id.end())
        throw InputError("tours[" + std::to_string(t) + "]: unknown attraction " +
                         stop.attraction_id);
      if (!model::effective_included(*it->second)) {
        throw InputError("tours[" + std::to_string(t) + "]: \"" +
                         model::effective_name(*it->second) + "\" is excluded; include it first");
      }
      if (!used.insert(stop.attraction_id).second) {
        throw InputError("attraction " + stop.attraction_id + " appears in more than one place");
      }
    }
  }
  // Locks now follow the edited tours: a stop is locked where the editor put it, or nowhere.
  for (model::Attraction& a : draft.attractions) a.editor.locked_tour.reset();
  const std::optional<model::GeoPoint> start = draft.options.start;
  const std::optional<model::GeoPoint> end =
      draft.options.end ? draft.options.end : draft.options.start;
  std::vector<model::Tour> edited;
  std::vector<std::string> warnings;
  for (std::size_t t = 0; t < tours.size(); ++t) {
    model::Tour tour;
    tour.index = static_cast<int>(t);
    tour.start = start;
    tour.end = end;
    tour.budget_minutes = draft.options.minutes_per_tour;
    tour.order_locked = tours[t].order_locked;
    for (const TourEdit::Stop& stop : tours[t].stops) {
      model::Attraction& a = *by_id.at(stop.attraction_id);
      if (stop.locked) a.editor.locked_tour = tour.index;
      tour.stops.push_back({a.id,
                            model::effective_name(a),
                            a.location,
                            model::effective_visit_minutes(a),
                            model::effective_score(a),
                            stop.locked});
    }
    estimate_legs(tour, walking);
    const auto best =
        std::max_element(tour.stops.begin(), tour.stops.end(), [](const auto& x, const auto& y) {
          return x.interest_score < y.interest_score;
        });
    tour.title =
        "Tour " + std::to_string(t + 1) + (best != tour.stops.end() ? ": " + best->name : "");
    if (tour.total_minutes > tour.budget_minutes + 1e-9) {
      warnings.push_back(
          tour.title + " takes " + std::to_string(static_cast<int>(tour.total_minutes + 0.5)) +
          " min, over its budget of " + std::to_string(tour.budget_minutes) + " min");
    }
    edited.push_back(std::move(tour));
  }
  draft.tours = std::move(edited);
  return warnings;
}

}  // namespace core::edit
