#include "shared/algo/tag_rules.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace core::algo {
namespace {

using Tags = std::map<std::string, std::string>;

std::string value_of(const Tags& tags, const std::string& key) {
  const auto it = tags.find(key);
  return it == tags.end() ? "" : it->second;
}

std::string tag_text(const Tags& tags, const std::string& key) {
  return key + "=" + value_of(tags, key);
}

bool is_one_of(std::string_view value, std::initializer_list<std::string_view> values) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool has_type(const model::Attraction& a, std::string_view type) {
  return std::find(a.types.begin(), a.types.end(), type) != a.types.end();
}

bool has_heritage(const Tags& tags) {
  return std::any_of(
      tags.begin(), tags.end(), [](const auto& tag) { return tag.first.starts_with("heritage"); });
}

bool has_historic(const Tags& tags) {
  const std::string historic = value_of(tags, "historic");
  return !historic.empty() && historic != "no";
}

// Lifecycle prefixes say a feature is gone ("demolished:building=church").
constexpr std::array<std::string_view, 5> kGoneKeys{
    "demolished", "razed", "removed", "destroyed", "was"};

std::string gone_tag(const Tags& tags) {
  for (const auto& [key, value] : tags) {
    for (const std::string_view gone : kGoneKeys) {
      if (key == gone && value != "no") return key + "=" + value;
    }
  }
  // A prefixed main tag with no current one left: the sight itself is gone. (A garden tagged
  // demolished:building=church is a garden on the site of a church: it is still there.)
  const bool current = tags.contains("tourism") || tags.contains("historic") ||
                       tags.contains("leisure") || tags.contains("amenity") ||
                       tags.contains("man_made");
  for (const auto& [key, value] : tags) {
    for (const std::string_view gone : kGoneKeys) {
      if (!current && key.size() > gone.size() && key.starts_with(gone) &&
          key[gone.size()] == ':') {
        return key + "=" + value;
      }
    }
  }
  return "";
}

std::string no_access_tag(const Tags& tags) {
  for (const char* key : {"access", "foot"}) {
    if (is_one_of(value_of(tags, key), {"private", "no"})) return tag_text(tags, key);
  }
  return "";
}

bool is_mall(const model::Attraction& a) {
  return is_one_of(value_of(a.tags, "shop"), {"mall", "department_store"}) ||
         has_type(a, "shopping_mall") || has_type(a, "department_store");
}

// An office building whose only claim is being a (historic) building: a ministry, a company's
// seat. A town hall, a parliament, an arts centre or anything tagged for tourists stays.
bool is_office_building(const model::Attraction& a) {
  const bool office = a.tags.contains("office") || value_of(a.tags, "building") == "office" ||
                      (!a.types.empty() &&
                       is_one_of(a.types.front(), {"corporate_office", "local_government_office"}));
  if (!office || a.tags.contains("tourism") || has_type(a, "tourist_attraction")) return false;
  if (is_one_of(value_of(a.tags, "amenity"),
                {"townhall", "parliament", "arts_centre", "theatre", "courthouse"})) {
    return false;
  }
  return is_one_of(value_of(a.tags, "historic"),
                   {"", "building", "yes", "manor", "heritage", "house"});
}

// A public gallery or exhibition hall shows it is one: an article, a listing, an arts centre, a
// museum type, an entrance fee, translations or many visitors. A dealer's gallery shows none of
// these (nobody pays to enter a shop).
bool has_cultural_signal(const model::Attraction& a) {
  const std::string fee = value_of(a.tags, "fee");
  return !a.wikipedia.empty() || !a.wikidata.empty() || has_heritage(a.tags) ||
         a.name_variants >= 2 || (!fee.empty() && fee != "no") || a.rating_count >= 300 ||
         has_type(a, "museum") || a.tags.contains("museum") ||
         is_one_of(value_of(a.tags, "amenity"),
                   {"arts_centre", "community_centre", "exhibition_centre"});
}

std::string commercial_gallery_reason(const model::Attraction& a) {
  if (a.tags.contains("shop")) return "commercial gallery (" + tag_text(a.tags, "shop") + ")";
  if (!has_cultural_signal(a)) return "commercial gallery (no public or cultural signal)";
  return "";
}

// A shop, restaurant or bar also tagged as a sight: a sight only with a sight's signals.
std::string business_reason(const model::Attraction& a) {
  if (is_well_known(a) || has_historic(a.tags)) return "";
  if (a.tags.contains("shop")) return "shop, no sight signal (" + tag_text(a.tags, "shop") + ")";
  const std::string amenity = value_of(a.tags, "amenity");
  if (is_one_of(amenity,
                {"restaurant", "cafe", "bar", "pub", "fast_food", "biergarten", "ice_cream"})) {
    return "restaurant, cafe or bar, no sight signal (amenity=" + amenity + ")";
  }
  return "";
}

}  // namespace

bool is_well_known(const model::Attraction& a) {
  return (!a.wikidata.empty() && !a.wikipedia.empty()) || has_heritage(a.tags) ||
         a.name_variants >= 3 || a.rating_count >= 1000;
}

std::string minor_memorial_kind(const Tags& tags) {
  for (const char* key : {"memorial:type", "memorial"}) {
    const std::string kind = value_of(tags, key);
    if (is_one_of(kind,
                  {"plaque",
                   "blue_plaque",
                   "bust",
                   "grave",
                   "stolperstein",
                   "stone",
                   "plate",
                   "floor_plate",
                   "stele",
                   "cross"})) {
      return kind == "blue_plaque" ? "plaque" : kind;
    }
  }
  if (value_of(tags, "historic") == "tomb" &&
      is_one_of(value_of(tags, "tomb"), {"tombstone", "grave"})) {
    return "grave";
  }
  return "";
}

std::string closure_reason(const model::Attraction& a) {
  const std::string status = value_of(a.tags, "businessStatus");
  if (status == "CLOSED_PERMANENTLY") return "permanently closed (Google businessStatus)";
  if (status == "CLOSED_TEMPORARILY") return "temporarily closed (Google businessStatus)";
  if (const std::string gone = gone_tag(a.tags); !gone.empty())
    return "demolished or gone (" + gone + ")";
  for (const char* key : {"disused", "abandoned"}) {
    // A disused pillory or an abandoned fort is still a monument: the history is the point.
    if (value_of(a.tags, key) == "yes" && !has_historic(a.tags) && !has_heritage(a.tags)) {
      return "disused (" + tag_text(a.tags, key) + ")";
    }
  }
  if (const std::string no_access = no_access_tag(a.tags);
      !no_access.empty() && !is_well_known(a)) {
    return "private, no public access (" + no_access + ")";
  }
  return "";
}

TagReading read_tags(const model::Attraction& a, PlaceKind kind) {
  TagReading reading;
  if (reading.drop = closure_reason(a); !reading.drop.empty()) return reading;
  if (is_mall(a) && !has_historic(a.tags) && !has_heritage(a.tags) &&
      !has_type(a, "historical_landmark")) {
    reading.drop = a.tags.contains("shop") ? "shopping mall (" + tag_text(a.tags, "shop") + ")"
                                           : "shopping mall (Google shopping_mall)";
    return reading;
  }
  if (is_office_building(a)) {
    reading.drop = "office building (" +
                   (a.tags.contains("office")     ? tag_text(a.tags, "office")
                    : a.tags.contains("building") ? tag_text(a.tags, "building")
                                                  : "Google " + a.types.front()) +
                   ")";
    return reading;
  }
  if (kind == PlaceKind::Gallery) reading.drop = commercial_gallery_reason(a);
  if (reading.drop.empty()) reading.drop = business_reason(a);
  if (reading.drop.empty() && !no_access_tag(a.tags).empty())
    reading.note = "private: seen from outside";
  return reading;
}

}  // namespace core::algo
