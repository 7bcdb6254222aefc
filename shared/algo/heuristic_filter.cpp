#include "shared/algo/heuristic_filter.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "shared/algo/geo.h"
#include "shared/algo/name_similarity.h"
#include "shared/algo/place_names.h"
#include "shared/algo/sight_merge.h"
#include "shared/algo/sight_names.h"
#include "shared/algo/stop_description.h"
#include "shared/algo/stop_value.h"
#include "shared/algo/tag_rules.h"
#include "shared/algo/tour_shape.h"
#include "shared/model/languages.h"

namespace core::algo {
namespace {

constexpr double kCityNameRadiusM = 5000.0;
// Minutes of walking a stop typically adds to a tour, so a 5-minute stop is not valued as if free.
constexpr double kReachMinutes = 10.0;

bool is_popular(const model::Attraction& a) {
  return !a.wikidata.empty() || a.name_variants >= 3 || a.rating_count >= 1000;
}

std::string signals_text(const model::Attraction& a) {
  std::string text;
  const auto add = [&text](const std::string& part) { text += (text.empty() ? "" : ", ") + part; };
  if (!a.wikidata.empty()) add("Wikidata");
  if (!a.wikipedia.empty()) add("Wikipedia");
  if (a.name_variants > 0) add(std::to_string(a.name_variants) + " name translations");
  if (a.rating_count > 0) add(std::to_string(a.rating_count) + " Google ratings");
  return text;
}

void drop(model::Attraction& a, std::string reason) {
  a.included = false;
  a.reason = std::move(reason);
}

bool is_the_city(const model::Attraction& a, PlaceKind kind, const FilterContext& context) {
  if (kind == PlaceKind::Area) return true;
  return fold_name(a.name) == fold_name(context.city_name) &&
         haversine_m(a.location, context.city_centre) < kCityNameRadiusM;
}

// Decides one candidate on its own; returns false if it was dropped.
bool decide_alone(model::Attraction& a, const FilterContext& context) {
  const std::string shown = localized_name(a, context.language, context.local_language);
  if (!shown.empty()) a.name = shown;
  const PlaceKind kind = classify(a);
  const KindProfile& kind_profile = profile(kind);
  a.decided_by = model::Decider::Heuristic;
  a.interest_score = kind_profile.is_sight ? interest_score(a, kind) : 0.0;
  a.visit_minutes =
      kind_profile.is_sight ? stop_minutes(visit_minutes(a, kind), context.minutes_per_tour) : 0;
  if (shown.empty()) {
    drop(a, "no usable name (\"" + a.name + "\" is not a place name)");
    return false;
  }
  if (is_the_city(a, kind, context)) {
    drop(a, "the city itself, not a stop");
    return false;
  }
  if (!kind_profile.is_sight) {
    drop(a, std::string("not a sight: ") + kind_profile.label);
    return false;
  }
  const TagReading tags = read_tags(a, kind);
  if (!tags.drop.empty()) {
    drop(a, tags.drop);
    return false;
  }
  a.included = true;
  const std::string signals = signals_text(a);
  a.reason = std::string(kind_profile.label) + (signals.empty() ? "" : "; " + signals) +
             (tags.note.empty() ? "" : "; " + tags.note);
  return true;
}

// What no decider may overrule: a closed, demolished or inaccessible place, or one with no name
// to show, is not a stop even when the LLM kept it.
void apply_closure_rules(std::vector<model::Attraction>& candidates) {
  for (model::Attraction& a : candidates) {
    if (!a.included) continue;
    if (std::string reason = closure_reason(a); !reason.empty()) {
      drop(a, std::move(reason));
    } else if (!is_place_name(a.name)) {
      drop(a, "no usable name (\"" + a.name + "\" is not a place name)");
    }
  }
}

bool is_plaque(const model::Attraction& a) {
  return classify(a) == PlaceKind::Plaque;
}

}  // namespace

double interest_score(const model::Attraction& a, PlaceKind kind) {
  double score = profile(kind).base_score;
  if (!a.wikidata.empty()) score += 15.0;
  if (!a.wikipedia.empty()) score += 10.0;
  score += std::min(15.0, 3.0 * a.name_variants);
  if (a.rating_count > 0) {
    // log10(1 + count): 10 ratings add 6, 1,000 add 18, 100,000 add 25 (capped).
    score += std::min(25.0, 6.0 * std::log10(1.0 + a.rating_count));
    if (a.rating) score += (*a.rating - 4.0) * 8.0;
  }
  // One decimal: finer differences mean nothing, and shorter numbers make smaller documents.
  return std::round(std::clamp(score, 0.0, 100.0) * 10.0) / 10.0;
}

int visit_minutes(const model::Attraction& a, PlaceKind kind) {
  const int minutes = profile(kind).visit_minutes;
  if (!is_popular(a)) return minutes;
  switch (kind) {
  case PlaceKind::Museum: return 30;
  case PlaceKind::Castle: return 30;
  case PlaceKind::Religious: return 20;
  default: return minutes;
  }
}

void keep_best(std::vector<model::Attraction>& attractions, int max_count) {
  std::vector<std::size_t> included;
  for (std::size_t i = 0; i < attractions.size(); ++i) {
    if (attractions[i].included) included.push_back(i);
  }
  if (included.size() <= static_cast<std::size_t>(max_count)) return;
  std::vector<double> worth(attractions.size(), 0.0);
  for (const std::size_t i : included) {
    worth[i] =
        stop_value(attractions[i].interest_score) / (attractions[i].visit_minutes + kReachMinutes);
  }
  std::stable_sort(included.begin(), included.end(), [&](std::size_t x, std::size_t y) {
    if (worth[x] != worth[y]) return worth[x] > worth[y];
    return attractions[x].id < attractions[y].id;
  });
  for (std::size_t rank = static_cast<std::size_t>(max_count); rank < included.size(); ++rank) {
    drop(attractions[included[rank]],
         "below the " + std::to_string(max_count) +
             " stops worth most for their time (max_attractions)");
  }
}

FilterContext filter_context(const model::City& city, const model::GenerationOptions& options) {
  return {.city_name = city.name,
          .city_centre = city.centre,
          .tours = options.tours,
          .max_attractions = options.max_attractions,
          .minutes_per_tour = options.minutes_per_tour,
          .language = options.language,
          .local_language = model::country_language(city.country_code)};
}

void decide_each(std::vector<model::Attraction>& candidates, const FilterContext& context) {
  for (model::Attraction& a : candidates) decide_alone(a, context);
}

void finish_decisions(std::vector<model::Attraction>& candidates, const FilterContext& context) {
  apply_closure_rules(candidates);
  const PartsByStop parts = merge_sights(candidates, context.city_name);
  // A sight with its parts is still one stop of the tour: its added minutes stay within the bound.
  for (model::Attraction& a : candidates) {
    if (a.included) a.visit_minutes = stop_minutes(a.visit_minutes, context.minutes_per_tour);
  }
  distinguish_names(candidates);
  // Minor memorials are minor stops: keep them only when the city has too few other sights to make
  // K tours of the smallest size; otherwise they are the filler an editor would cut (fewer, fuller
  // tours of real sights read better than tours padded with plaques).
  const auto non_plaques = std::count_if(candidates.begin(), candidates.end(), [](const auto& a) {
    return a.included && !is_plaque(a);
  });
  if (non_plaques >= static_cast<long>(context.tours) * kMinStopsPerTour) {
    for (model::Attraction& a : candidates) {
      if (!a.included || !is_plaque(a)) continue;
      const std::string memorial = minor_memorial_kind(a.tags);
      drop(a,
           "minor memorial: " + (memorial.empty() ? std::string("plaque") : memorial) +
               " (enough other stops)");
    }
  }
  keep_best(candidates, context.max_attractions);
  for (model::Attraction& a : candidates) {
    if (a.included) {
      if (a.summary.empty()) a.summary = describe(a, classify(a), context.language);
      if (const auto it = parts.find(a.id); it != parts.end()) {
        a.summary += " " + parts_sentence(it->second, context.language);
      }
    }
    // The source's tags were the filter's input; the decided attraction keeps what people read.
    a.tags.clear();
    a.within.clear();
  }
}

std::vector<model::Attraction> heuristic_filter(std::vector<model::Attraction> candidates,
                                                const FilterContext& context) {
  decide_each(candidates, context);
  finish_decisions(candidates, context);
  return candidates;
}

}  // namespace core::algo
