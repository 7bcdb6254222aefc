#include "server/offline/osm_place_types.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "shared/algo/tag_rules.h"

namespace server::offline {
namespace {

struct TagTypes {
  std::string_view tag;
  std::vector<std::string> types;
};

const std::array<TagTypes, 58>& tag_table() {
  static const std::array<TagTypes, 58> kTable{{
      {"tourism=museum", {"museum", "tourist_attraction"}},
      {"tourism=gallery", {"art_gallery", "tourist_attraction"}},
      {"tourism=attraction", {"tourist_attraction"}},
      {"tourism=viewpoint", {"observation_deck", "tourist_attraction"}},
      {"tourism=artwork", {"artwork", "tourist_attraction"}},
      {"tourism=zoo", {"zoo", "tourist_attraction"}},
      {"tourism=aquarium", {"aquarium", "tourist_attraction"}},
      {"tourism=theme_park", {"amusement_park", "tourist_attraction"}},
      {"tourism=hotel", {"hotel", "lodging"}},
      {"tourism=hostel", {"hostel", "lodging"}},
      {"tourism=guest_house", {"guest_house", "lodging"}},
      {"tourism=motel", {"motel", "lodging"}},
      {"tourism=apartment", {"lodging"}},
      {"historic=monument", {"monument", "historical_landmark"}},
      {"historic=memorial", {"memorial", "historical_landmark"}},
      {"historic=castle", {"castle", "historical_landmark"}},
      {"historic=palace", {"palace", "historical_landmark"}},
      {"historic=fort", {"fort", "historical_landmark"}},
      {"historic=fortification", {"fort", "historical_landmark"}},
      {"historic=manor", {"palace", "historical_landmark"}},
      {"historic=citywalls", {"historical_landmark"}},
      {"historic=castle_wall", {"historical_landmark"}},
      {"historic=city_gate", {"historical_landmark"}},
      {"historic=church", {"church", "place_of_worship", "historical_landmark"}},
      {"historic=cathedral", {"cathedral", "church", "place_of_worship"}},
      {"historic=chapel", {"church", "place_of_worship"}},
      {"historic=monastery", {"church", "place_of_worship", "historical_landmark"}},
      {"historic=ruins", {"ruins", "historical_landmark"}},
      {"historic=archaeological_site", {"archaeological_site", "historical_landmark"}},
      {"historic=tower", {"tower", "historical_landmark"}},
      {"historic=bridge", {"bridge", "historical_landmark"}},
      {"historic=wayside_shrine", {"memorial", "historical_landmark"}},
      {"amenity=place_of_worship", {"place_of_worship"}},
      {"building=church", {"church", "place_of_worship"}},
      {"building=cathedral", {"cathedral", "church", "place_of_worship"}},
      {"man_made=tower", {"tower", "tourist_attraction"}},
      {"man_made=lighthouse", {"lighthouse", "tourist_attraction"}},
      {"leisure=park", {"park"}},
      {"leisure=garden", {"garden", "park"}},
      {"amenity=restaurant", {"restaurant", "food"}},
      {"amenity=cafe", {"cafe", "food"}},
      {"amenity=bar", {"bar"}},
      {"amenity=pub", {"pub", "bar"}},
      {"amenity=biergarten", {"bar", "food"}},
      {"amenity=fast_food", {"fast_food_restaurant", "food"}},
      {"amenity=ice_cream", {"ice_cream_shop", "food"}},
      {"shop=books", {"book_store", "store"}},
      {"shop=gift", {"gift_shop", "store"}},
      {"shop=souvenir", {"gift_shop", "store"}},
      {"shop=clothes", {"clothing_store", "store"}},
      {"shop=jewelry", {"jewelry_store", "store"}},
      {"heuristic=museum", {"museum", "tourist_attraction"}},
      {"heuristic=temple", {"temple", "place_of_worship"}},
      {"heuristic=shrine", {"shrine", "place_of_worship"}},
      {"heuristic=church", {"church", "place_of_worship"}},
      {"heuristic=park_garden", {"park"}},
      {"heuristic=palace_castle", {"castle", "historical_landmark"}},
      {"heuristic=tower_viewpoint", {"observation_deck", "tourist_attraction"}},
  }};
  return kTable;
}

// Sub tags refine a type: a "tourism=attraction" with "religion=christian" is a church.
void add_sub_tag_types(std::string_view sub_tag, std::vector<std::string>& types) {
  if (sub_tag == "religion=christian")
    types.emplace_back("church");
  else if (sub_tag == "religion=muslim")
    types.emplace_back("mosque");
  else if (sub_tag == "religion=jewish")
    types.emplace_back("synagogue");
  else if (sub_tag == "religion=buddhist")
    types.emplace_back("buddhist_temple");
  else if (sub_tag == "religion=hindu")
    types.emplace_back("hindu_temple");
  else if (sub_tag == "religion=shinto")
    types.emplace_back("shrine");
  else if (sub_tag == "memorial=plaque" || sub_tag == "memorial=blue_plaque")
    types.emplace_back("plaque");
  else if (sub_tag == "memorial=statue" || sub_tag == "artwork_type=statue")
    types.emplace_back("monument");
  else if (sub_tag == "artwork_type=sculpture" || sub_tag == "memorial=sculpture")
    types.emplace_back("sculpture");
  else if (sub_tag == "castle_type=palace" || sub_tag == "castle_type=stately")
    types.emplace_back("palace");
  else if (sub_tag.starts_with("castle_type="))
    types.emplace_back("castle");
  else if (sub_tag.starts_with("ruins="))
    types.emplace_back("ruins");
  else if (sub_tag == "site_type=fortification")
    types.emplace_back("fort");
  else if (sub_tag == "site_type=temple")
    types.emplace_back("temple");
  else if (sub_tag == "building=cathedral")
    types.emplace_back("cathedral");
  else if (sub_tag == "tower:type=observation")
    types.emplace_back("observation_deck");
}

}  // namespace

std::vector<std::string> place_types_for(const std::string& main_tag,
                                         const std::string& sub_tag,
                                         const std::map<std::string, std::string>& tags) {
  std::vector<std::string> types;
  for (const TagTypes& entry : tag_table()) {
    if (entry.tag == main_tag) {
      types = entry.types;
      break;
    }
  }
  if (types.empty()) {
    const std::string_view tag = main_tag;
    if (tag.starts_with("shop="))
      types = {"store"};
    else if (tag.starts_with("historic="))
      types = {"historical_landmark"};
    else
      types = {"tourist_attraction"};  // heuristic=attraction/bridge/cemetery/market_street...
  }
  add_sub_tag_types(sub_tag, types);
  if (!core::algo::minor_memorial_kind(tags).empty() &&
      std::find(types.begin(), types.end(), "plaque") == types.end()) {
    types.emplace_back("plaque");
  }
  return types;
}

}  // namespace server::offline
