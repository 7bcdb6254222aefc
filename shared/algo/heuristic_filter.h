#pragma once

#include <string>
#include <vector>

#include "shared/algo/place_kind.h"
#include "shared/model/attraction.h"
#include "shared/model/geo_point.h"

namespace core::algo {

/// What the filter needs to know about the city and the request.
struct FilterContext {
  std::string city_name;
  model::GeoPoint city_centre;
  int tours = 4;              ///< K: decides how many stops are "enough" to drop plaques
  int max_attractions = 80;   ///< kept stops, most valuable for their time first
  int minutes_per_tour = 180; ///< a tour's budget: bounds the minutes of one stop (stop_minutes())
};

/// Interest 0..100 of a sight: its kind's base plus real popularity signals (Wikidata,
/// Wikipedia, name translations, Google rating count).
double interest_score(const model::Attraction& attraction, PlaceKind kind);

/// Typical stop length in minutes: the kind's default, longer for popular museums and zoos.
int visit_minutes(const model::Attraction& attraction, PlaceKind kind);

/// Among included candidates, drops the weaker of each near-duplicate pair (same Wikidata id or
/// same name within 150 m; two buildings of one kind within 30 m, unless their Wikidata ids differ) with a reason naming the one
/// kept. Scores must already be set.
void drop_duplicates(std::vector<model::Attraction>& attractions);

/// Keeps the `max_count` included candidates worth most for the time they take (stop_value() per
/// visit minute plus a short walk to reach them; ties by id) and drops the rest: what a plan can
/// use, so cheap high-value stops are not cut for long visits it would never make.
void keep_best(std::vector<model::Attraction>& attractions, int max_count);

/// Classifies and scores every candidate on its own: sights are kept with their kind and
/// signals as the reason; shops, lodging, food and drink, areas and the city itself are dropped.
void decide_each(std::vector<model::Attraction>& candidates, const FilterContext& context);

/// The decisions that need the whole list: near-duplicates, minor plaques when there is enough
/// else, and the best `max_attractions`.
void finish_decisions(std::vector<model::Attraction>& candidates, const FilterContext& context);

/// Decides every candidate offline (decide_each, then finish_decisions): keeps sights, drops shops, lodging, food and drink, the
/// city itself, duplicates, minor plaques when there is enough else, and what is below the
/// best `max_attractions`; sets scores, visit minutes and a reason on each. Deterministic;
/// the result is in input order.
std::vector<model::Attraction> heuristic_filter(std::vector<model::Attraction> candidates,
                                                const FilterContext& context);

}  // namespace core::algo
