#include "shared/algo/place_kind.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace core::algo {
namespace {

using TypeKind = std::pair<std::string_view, PlaceKind>;

// Sight types in priority order: the first match among a candidate's types decides.
constexpr std::array kSightTypes{
    TypeKind{"museum", PlaceKind::Museum},
    TypeKind{"art_gallery", PlaceKind::Gallery},
    TypeKind{"castle", PlaceKind::Castle},
    TypeKind{"palace", PlaceKind::Castle},
    TypeKind{"fort", PlaceKind::Castle},
    TypeKind{"cathedral", PlaceKind::Religious},
    TypeKind{"church", PlaceKind::Religious},
    TypeKind{"mosque", PlaceKind::Religious},
    TypeKind{"synagogue", PlaceKind::Religious},
    TypeKind{"hindu_temple", PlaceKind::Religious},
    TypeKind{"buddhist_temple", PlaceKind::Religious},
    TypeKind{"shrine", PlaceKind::Religious},
    TypeKind{"temple", PlaceKind::Religious},
    TypeKind{"place_of_worship", PlaceKind::Religious},
    TypeKind{"zoo", PlaceKind::Zoo},
    TypeKind{"aquarium", PlaceKind::Zoo},
    TypeKind{"amusement_park", PlaceKind::ThemePark},
    TypeKind{"archaeological_site", PlaceKind::Ruins},
    TypeKind{"ruins", PlaceKind::Ruins},
    TypeKind{"observation_deck", PlaceKind::Viewpoint},
    TypeKind{"viewpoint", PlaceKind::Viewpoint},
    TypeKind{"tower", PlaceKind::Tower},
    TypeKind{"lighthouse", PlaceKind::Tower},
    TypeKind{"botanical_garden", PlaceKind::Garden},
    TypeKind{"garden", PlaceKind::Garden},
    TypeKind{"national_park", PlaceKind::Park},
    TypeKind{"park", PlaceKind::Park},
    TypeKind{"monument", PlaceKind::Monument},
    TypeKind{"plaque", PlaceKind::Plaque},
    TypeKind{"memorial", PlaceKind::Memorial},
    TypeKind{"sculpture", PlaceKind::Artwork},
    TypeKind{"artwork", PlaceKind::Artwork},
    TypeKind{"historical_landmark", PlaceKind::Landmark},
    TypeKind{"historical_place", PlaceKind::Landmark},
    TypeKind{"cultural_landmark", PlaceKind::Landmark},
    TypeKind{"tourist_attraction", PlaceKind::Attraction},
    TypeKind{"performing_arts_theater", PlaceKind::Attraction},
    TypeKind{"opera_house", PlaceKind::Attraction},
    TypeKind{"cultural_center", PlaceKind::Attraction},
    TypeKind{"auditorium", PlaceKind::Attraction},
    TypeKind{"plaza", PlaceKind::Attraction},
    TypeKind{"bridge", PlaceKind::Attraction},
    TypeKind{"marina", PlaceKind::Attraction},
    TypeKind{"visitor_center", PlaceKind::Attraction},
};

constexpr std::array kCommercialTypes{
    TypeKind{"lodging", PlaceKind::Lodging},
    TypeKind{"hotel", PlaceKind::Lodging},
    TypeKind{"hostel", PlaceKind::Lodging},
    TypeKind{"motel", PlaceKind::Lodging},
    TypeKind{"guest_house", PlaceKind::Lodging},
    TypeKind{"bed_and_breakfast", PlaceKind::Lodging},
    TypeKind{"resort_hotel", PlaceKind::Lodging},
    TypeKind{"restaurant", PlaceKind::FoodDrink},
    TypeKind{"cafe", PlaceKind::FoodDrink},
    TypeKind{"coffee_shop", PlaceKind::FoodDrink},
    TypeKind{"bar", PlaceKind::FoodDrink},
    TypeKind{"pub", PlaceKind::FoodDrink},
    TypeKind{"night_club", PlaceKind::FoodDrink},
    TypeKind{"bakery", PlaceKind::FoodDrink},
    TypeKind{"meal_takeaway", PlaceKind::FoodDrink},
    TypeKind{"ice_cream_shop", PlaceKind::FoodDrink},
    TypeKind{"food", PlaceKind::FoodDrink},
    TypeKind{"store", PlaceKind::Shop},
    TypeKind{"shopping_mall", PlaceKind::Shop},
    TypeKind{"gift_shop", PlaceKind::Shop},
    TypeKind{"supermarket", PlaceKind::Shop},
    TypeKind{"locality", PlaceKind::Area},
    TypeKind{"political", PlaceKind::Area},
    TypeKind{"country", PlaceKind::Area},
    TypeKind{"sublocality", PlaceKind::Area},
    TypeKind{"neighborhood", PlaceKind::Area},
    TypeKind{"administrative_area_level_1", PlaceKind::Area},
    TypeKind{"administrative_area_level_2", PlaceKind::Area},
};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Google has dozens of "<x>_store" and "<x>_restaurant" types; match the families by suffix.
PlaceKind commercial_kind(std::string_view type) {
  for (const auto& [name, kind] : kCommercialTypes) {
    if (type == name) return kind;
  }
  if (ends_with(type, "_store") || ends_with(type, "_shop")) return PlaceKind::Shop;
  if (ends_with(type, "_restaurant")) return PlaceKind::FoodDrink;
  return PlaceKind::Other;
}

PlaceKind sight_kind(std::string_view type) {
  for (const auto& [name, kind] : kSightTypes) {
    if (type == name) return kind;
  }
  return PlaceKind::Other;
}

// A famous bookshop, cafe or beer hall is visited as a sight: Google lists it as a historical
// landmark, or as a tourist attraction that very many people rate.
constexpr int kVisitedBusinessRatings = 5000;

bool is_visited_as_sight(const model::Attraction& a) {
  const auto has = [&](std::string_view type) {
    return std::find(a.types.begin(), a.types.end(), type) != a.types.end();
  };
  return has("historical_landmark") ||
         (has("tourist_attraction") && a.rating_count >= kVisitedBusinessRatings);
}

}  // namespace

PlaceKind classify(const model::Attraction& attraction) {
  const auto& types = attraction.types;
  if (types.empty()) return PlaceKind::Other;
  const PlaceKind primary_commercial = commercial_kind(types.front());
  const bool visited = primary_commercial != PlaceKind::Lodging && is_visited_as_sight(attraction);
  if (primary_commercial != PlaceKind::Other && !visited) return primary_commercial;

  PlaceKind best = PlaceKind::Other;
  std::size_t best_rank = kSightTypes.size();
  for (const std::string& type : types) {
    for (std::size_t rank = 0; rank < best_rank; ++rank) {
      if (kSightTypes[rank].first == type) {
        best = kSightTypes[rank].second;
        best_rank = rank;
        break;
      }
    }
  }
  if (best != PlaceKind::Other) return best;
  for (const std::string& type : types) {
    const PlaceKind kind = commercial_kind(type);
    if (kind != PlaceKind::Other) return kind;
  }
  return sight_kind(types.front());
}

const KindProfile& profile(PlaceKind kind) {
  // Base scores rank what a first-time visitor walks to see. Visit minutes are an audio-guide
  // stop (the story, a look around, a short visit inside), not a full visit: a zoo's stop is the
  // gate and one enclosure, not the afternoon. Popular museums, castles and churches get more in
  // visit_minutes(); stop_minutes() bounds every stop by the tour's budget.
  static constexpr std::array<KindProfile, 22> kProfiles{{
      {"museum", 55, 20, true},
      {"gallery", 45, 20, true},
      {"castle or palace", 65, 20, true},
      {"place of worship", 50, 15, true},
      {"zoo or aquarium", 50, 30, true},
      {"theme park", 40, 30, true},
      {"ruins", 50, 15, true},
      {"viewpoint", 50, 10, true},
      {"tower", 50, 15, true},
      {"garden", 40, 20, true},
      {"park", 35, 20, true},
      {"monument", 45, 10, true},
      {"plaque", 8, 3, true},
      {"memorial", 25, 5, true},
      {"artwork", 25, 5, true},
      {"historic landmark", 50, 10, true},
      {"attraction", 45, 15, true},
      {"shop", 0, 0, false},
      {"hotel or lodging", 0, 0, false},
      {"restaurant, cafe or bar", 0, 0, false},
      {"area", 0, 0, false},
      {"place with no tourist type", 0, 0, false},
  }};
  return kProfiles[static_cast<std::size_t>(kind)];
}

bool is_building_kind(PlaceKind kind) {
  switch (kind) {
  case PlaceKind::Museum:
  case PlaceKind::Gallery:
  case PlaceKind::Castle:
  case PlaceKind::Religious:
  case PlaceKind::Tower: return true;
  default: return false;
  }
}

}  // namespace core::algo
