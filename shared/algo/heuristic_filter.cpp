#include "shared/algo/heuristic_filter.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "shared/algo/geo.h"
#include "shared/algo/name_similarity.h"
#include "shared/algo/stop_value.h"

namespace core::algo {
namespace {

constexpr double kSameNameRadiusM = 150.0;
constexpr double kSameBuildingRadiusM = 30.0;
constexpr double kSameBuildingNoIdsRadiusM = 10.0;
constexpr double kCityNameRadiusM = 5000.0;
constexpr int kStopsPerTourBeforePlaquesGo = 6;
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

std::string distance_text(double metres) { return std::to_string(std::lround(metres)) + " m"; }

bool is_the_city(const model::Attraction& a, PlaceKind kind, const FilterContext& context) {
  if (kind == PlaceKind::Area) return true;
  return fold_name(a.name) == fold_name(context.city_name) &&
         haversine_m(a.location, context.city_centre) < kCityNameRadiusM;
}

// Decides one candidate on its own; returns false if it was dropped.
bool decide_alone(model::Attraction& a, const FilterContext& context) {
  const PlaceKind kind = classify(a);
  const KindProfile& kind_profile = profile(kind);
  a.decided_by = model::Decider::Heuristic;
  a.interest_score = kind_profile.is_sight ? interest_score(a, kind) : 0.0;
  a.visit_minutes = kind_profile.is_sight ? stop_minutes(visit_minutes(a, kind), context.minutes_per_tour) : 0;
  if (is_the_city(a, kind, context)) {
    drop(a, "the city itself, not a stop");
    return false;
  }
  if (!kind_profile.is_sight) {
    drop(a, std::string("not a sight: ") + kind_profile.label);
    return false;
  }
  a.included = true;
  const std::string signals = signals_text(a);
  a.reason = std::string(kind_profile.label) + (signals.empty() ? "" : "; " + signals);
  return true;
}

bool is_plaque(const model::Attraction& a) { return classify(a) == PlaceKind::Plaque; }

// How close two differently named buildings of one kind must be to be one place mapped twice
// (Copenhagen's "Nationalmuseet" and "National Museum of Denmark", 9 m apart). Two different
// Wikidata ids are two places however close (Kraków's neighbouring synagogues); without any id,
// only near-identical positions count (Stockholm's galleries share a street).
double building_twin_radius(const model::Attraction& a, const model::Attraction& b) {
  if (!a.wikidata.empty() && !b.wikidata.empty()) return a.wikidata == b.wikidata ? kSameBuildingRadiusM : -1.0;
  if (!a.wikidata.empty() || !b.wikidata.empty()) return kSameBuildingRadiusM;
  return kSameBuildingNoIdsRadiusM;
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

void drop_duplicates(std::vector<model::Attraction>& attractions) {
  std::vector<std::size_t> order(attractions.size());
  std::iota(order.begin(), order.end(), 0);
  // Best first, so each dropped twin names the one that stays.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (attractions[x].interest_score != attractions[y].interest_score) {
      return attractions[x].interest_score > attractions[y].interest_score;
    }
    return attractions[x].id < attractions[y].id;
  });
  std::vector<std::string> folded(attractions.size());
  for (std::size_t i = 0; i < attractions.size(); ++i) folded[i] = fold_name(attractions[i].name);

  std::vector<std::size_t> kept;
  for (const std::size_t i : order) {
    model::Attraction& candidate = attractions[i];
    if (!candidate.included) continue;
    const PlaceKind kind = classify(candidate);
    for (const std::size_t k : kept) {
      const model::Attraction& keeper = attractions[k];
      const double metres = haversine_m(candidate.location, keeper.location);
      // A shared Wikidata id 1.6 km apart is two sites of one institution (Monaco's NMNM villas).
      const bool same_wikidata = !candidate.wikidata.empty() && candidate.wikidata == keeper.wikidata &&
                                 metres <= kSameNameRadiusM;
      const bool same_place_name = metres <= kSameNameRadiusM && same_name(folded[i], folded[k]);
      const bool same_building = is_building_kind(kind) && classify(keeper) == kind &&
                                 metres <= building_twin_radius(candidate, keeper);
      if (same_wikidata || same_place_name || same_building) {
        drop(candidate, "duplicate of \"" + keeper.name + "\" (" + distance_text(metres) + " away)");
        break;
      }
    }
    if (candidate.included) kept.push_back(i);
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
    worth[i] = stop_value(attractions[i].interest_score) / (attractions[i].visit_minutes + kReachMinutes);
  }
  std::stable_sort(included.begin(), included.end(), [&](std::size_t x, std::size_t y) {
    if (worth[x] != worth[y]) return worth[x] > worth[y];
    return attractions[x].id < attractions[y].id;
  });
  for (std::size_t rank = static_cast<std::size_t>(max_count); rank < included.size(); ++rank) {
    drop(attractions[included[rank]], "below the " + std::to_string(max_count) +
                                          " stops worth most for their time (max_attractions)");
  }
}

void decide_each(std::vector<model::Attraction>& candidates, const FilterContext& context) {
  for (model::Attraction& a : candidates) decide_alone(a, context);
}

void finish_decisions(std::vector<model::Attraction>& candidates, const FilterContext& context) {
  drop_duplicates(candidates);
  // Plaques are minor stops: keep them only when the city has too little else to fill K tours.
  const auto non_plaques = std::count_if(candidates.begin(), candidates.end(), [](const auto& a) {
    return a.included && !is_plaque(a);
  });
  if (non_plaques >= static_cast<long>(context.tours) * kStopsPerTourBeforePlaquesGo) {
    for (model::Attraction& a : candidates) {
      if (a.included && is_plaque(a)) drop(a, "minor plaque (enough other stops)");
    }
  }
  keep_best(candidates, context.max_attractions);
}

std::vector<model::Attraction> heuristic_filter(std::vector<model::Attraction> candidates,
                                                const FilterContext& context) {
  decide_each(candidates, context);
  finish_decisions(candidates, context);
  return candidates;
}

}  // namespace core::algo
