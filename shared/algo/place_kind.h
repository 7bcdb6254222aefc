#pragma once

#include <string>

#include "shared/model/attraction.h"

namespace core::algo {

/// What a candidate is, read from its place types. Sights first, then what is not a stop.
enum class PlaceKind {
  Museum,
  Gallery,
  Castle,
  Religious,
  Zoo,
  ThemePark,
  Ruins,
  Viewpoint,
  Tower,
  Garden,
  Park,
  Monument,
  Plaque,
  Memorial,
  Artwork,
  Landmark,
  Attraction,
  Shop,
  Lodging,
  FoodDrink,
  Area,
  Other
};

/// How a kind is treated: its base interest (0..100), default visit minutes, and whether it
/// can be a stop at all.
struct KindProfile {
  const char* label;  ///< "museum", "shop"... for reasons people read
  double base_score;
  int visit_minutes;
  bool is_sight;
};

/// Classifies a candidate from `types` (types[0] is the primary type, as the place clients
/// put it). A commercial primary type wins over sight-like secondary types, unless the place is
/// visited as a sight (a historical_landmark type, or tourist_attraction with 5,000 or more
/// ratings: a famous bookshop or beer hall; never lodging); otherwise the most specific sight
/// type wins.
PlaceKind classify(const model::Attraction& attraction);

/// The profile of a kind.
const KindProfile& profile(PlaceKind kind);

/// True for the big, walk-in kinds that can be mapped twice as building and point.
bool is_building_kind(PlaceKind kind);

}  // namespace core::algo
