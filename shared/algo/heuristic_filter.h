#pragma once

#include <string>
#include <vector>

#include "shared/algo/place_kind.h"
#include "shared/model/attraction.h"
#include "shared/model/city.h"
#include "shared/model/generation_options.h"
#include "shared/model/geo_point.h"

namespace core::algo {

/// What the filter needs to know about the city and the request.
struct FilterContext {
  std::string city_name;
  model::GeoPoint city_centre;
  int tours = 4;               ///< K: decides how many stops are "enough" to drop plaques
  int max_attractions = 80;    ///< kept stops, most valuable for their time first
  int minutes_per_tour = 180;  ///< a tour's budget: bounds the minutes of one stop (stop_minutes())
  std::string language = "en";  ///< a supported language tag: names and descriptions are in it
  std::string local_language =
      "";  ///< the language of the country's place names, if known (country_language)
};

/// The context of a generation for `city` under `options` (names in the options' language, the
/// country's own language as the local one).
FilterContext filter_context(const model::City& city, const model::GenerationOptions& options);

/// Interest 0..100 of a sight: its kind's base plus real popularity signals (Wikidata,
/// Wikipedia, name translations, Google rating count).
double interest_score(const model::Attraction& attraction, PlaceKind kind);

/// Typical stop length in minutes: the kind's default, longer for popular museums and zoos.
int visit_minutes(const model::Attraction& attraction, PlaceKind kind);

/// Keeps the `max_count` included candidates worth most for the time they take (stop_value() per
/// visit minute plus a short walk to reach them; ties by id) and drops the rest: what a plan can
/// use, so cheap high-value stops are not cut for long visits it would never make.
void keep_best(std::vector<model::Attraction>& attractions, int max_count);

/// Names, classifies and scores every candidate on its own: its name becomes the one in
/// `context.language` (localized_name); sights are kept with their kind and signals as the
/// reason; shops, lodging, food and drink, areas, the city itself, nameless places and what the
/// source's tags rule out (tag_rules.h: closed, demolished, private, malls, offices, commercial
/// galleries, shops with no sight signal) are dropped with a reason.
void decide_each(std::vector<model::Attraction>& candidates, const FilterContext& context);

/// The decisions that need the whole list, whoever decided each candidate: the closure rules
/// again (an LLM's keep does not reopen a closed place), one stop per sight (merge_sights),
/// distinct names, minor memorials when there is enough else, the best `max_attractions`, and a
/// description in `context.language` for every kept stop that has none (naming its parts).
/// Clears the source tags: they were the filter's input.
void finish_decisions(std::vector<model::Attraction>& candidates, const FilterContext& context);

/// Decides every candidate offline (decide_each, then finish_decisions); sets names, scores,
/// visit minutes, a reason and (kept stops) a description on each. Deterministic; the result is
/// in input order.
std::vector<model::Attraction> heuristic_filter(std::vector<model::Attraction> candidates,
                                                const FilterContext& context);

}  // namespace core::algo
