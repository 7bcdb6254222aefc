#include "shared/algo/stop_description.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "shared/algo/description_words.h"
#include "shared/algo/tag_rules.h"
#include "shared/model/languages.h"

namespace core::algo {
namespace {

constexpr std::size_t kPartsNamed = 4;
using Tags = std::map<std::string, std::string>;
using Pair = std::pair<std::string_view, std::string_view>;

std::string value_of(const Tags& tags, const std::string& key) {
  const auto it = tags.find(key);
  return it == tags.end() ? "" : it->second;
}

// A list value as people write it: "Carlos Ramos;Salvador Barata Feyo" -> "Carlos Ramos, Salvador
// Barata Feyo".
std::string listed(std::string value) {
  for (std::size_t at = value.find(';'); at != std::string::npos; at = value.find(';', at + 2)) {
    value.replace(at, 1, ", ");
    while (at + 2 < value.size() && value[at + 2] == ' ') value.erase(at + 2, 1);
  }
  return value;
}

std::string with_value(std::string_view pattern, std::string_view value) {
  std::string text(pattern);
  if (const std::size_t at = text.find('%'); at != std::string::npos) text.replace(at, 1, value);
  return text;
}

// Tag values (and Google types) that name a more precise kind than PlaceKind, in priority order.
constexpr std::array kTagNouns{
    Pair{"historic=city_gate", "city_gate"},
    Pair{"historic=citywalls", "city_walls"},
    Pair{"historic=castle_wall", "city_walls"},
    Pair{"castle_type=palace", "palace"},
    Pair{"castle_type=stately", "palace"},
    Pair{"historic=palace", "palace"},
    Pair{"historic=manor", "manor"},
    Pair{"historic=fort", "fort"},
    Pair{"historic=fortification", "fort"},
    Pair{"historic=monastery", "monastery"},
    Pair{"historic=archaeological_site", "archaeological_site"},
    Pair{"historic=ruins", "ruins"},
    Pair{"historic=tomb", "tomb"},
    Pair{"historic=bridge", "bridge"},
    Pair{"building=cathedral", "cathedral"},
    Pair{"historic=cathedral", "cathedral"},
    Pair{"building=chapel", "chapel"},
    Pair{"historic=chapel", "chapel"},
    Pair{"memorial=statue", "statue"},
    Pair{"artwork_type=statue", "statue"},
    Pair{"artwork_type=sculpture", "sculpture"},
    Pair{"memorial=sculpture", "sculpture"},
    Pair{"amenity=theatre", "theatre"},
    Pair{"amenity=townhall", "town_hall"},
    Pair{"amenity=marketplace", "market"},
    Pair{"amenity=fountain", "fountain"},
    Pair{"railway=station", "station"},
    Pair{"building=train_station", "station"},
    Pair{"building=church", "church"},
    Pair{"historic=church", "church"},
    Pair{"man_made=campanile", "tower"},
    Pair{"man_made=tower", "tower"},
    Pair{"man_made=lighthouse", "lighthouse"},
    Pair{"historic=building", "historic_building"},
};

constexpr std::array kTypeNouns{
    Pair{"cathedral", "cathedral"},
    Pair{"mosque", "mosque"},
    Pair{"synagogue", "synagogue"},
    Pair{"shrine", "shrine"},
    Pair{"buddhist_temple", "temple"},
    Pair{"hindu_temple", "temple"},
    Pair{"temple", "temple"},
    Pair{"aquarium", "aquarium"},
    Pair{"lighthouse", "lighthouse"},
    Pair{"botanical_garden", "botanical_garden"},
    Pair{"palace", "palace"},
    Pair{"fort", "fort"},
    Pair{"bridge", "bridge"},
    Pair{"plaza", "square"},
    Pair{"opera_house", "theatre"},
    Pair{"performing_arts_theater", "theatre"},
    Pair{"city_hall", "town_hall"},
    Pair{"church", "church"},
};

constexpr std::array<std::string_view, 17> kKindNouns{"museum",
                                                      "gallery",
                                                      "castle",
                                                      "place_of_worship",
                                                      "zoo",
                                                      "theme_park",
                                                      "ruins",
                                                      "viewpoint",
                                                      "tower",
                                                      "garden",
                                                      "park",
                                                      "monument",
                                                      "plaque",
                                                      "memorial",
                                                      "artwork",
                                                      "historic_site",
                                                      "sight"};

std::string_view noun_id(const model::Attraction& a, PlaceKind kind) {
  if (const std::string minor = minor_memorial_kind(a.tags); !minor.empty()) {
    if (minor == "bust") return "bust";
    if (minor == "grave") return "grave";
    return minor == "stone" ? "stone" : "plaque";
  }
  for (const auto& [tag, id] : kTagNouns) {
    const std::size_t equals = tag.find('=');
    if (value_of(a.tags, std::string(tag.substr(0, equals))) == tag.substr(equals + 1)) return id;
  }
  for (const std::string& type : a.types) {
    for (const auto& [name, id] : kTypeNouns) {
      if (type == name) return id;
    }
  }
  const auto index = static_cast<std::size_t>(kind);
  return index < kKindNouns.size() ? kKindNouns[index] : "sight";
}

// The first plausible year of a start_date ("1826-28, 1951/52" -> "1826"), or empty.
std::string year_of(const std::string& date) {
  for (std::size_t i = 0; i + 4 <= date.size(); ++i) {
    const bool digits = std::all_of(date.begin() + static_cast<long>(i),
                                    date.begin() + static_cast<long>(i + 4),
                                    [](char c) { return c >= '0' && c <= '9'; });
    const bool alone = (i == 0 || date[i - 1] < '0' || date[i - 1] > '9') &&
                       (i + 4 == date.size() || date[i + 4] < '0' || date[i + 4] > '9');
    if (digits && alone && (date[i] == '1' || (date[i] == '2' && date[i + 1] == '0')))
      return date.substr(i, 4);
  }
  return "";
}

// "Church (Roman Catholic); dated 1732; architect: Nicolau Nasoni." and how many facts it holds.
std::pair<std::string, int> fact_line(const model::Attraction& a, PlaceKind kind, int language) {
  std::string line(noun(noun_id(a, kind), language));
  int facts = 0;
  if (const std::string_view faith = denomination(value_of(a.tags, "denomination"), language);
      !faith.empty()) {
    line += " (" + std::string(faith) + ")";
    ++facts;
  }
  const auto add = [&](std::string_view pattern, const std::string& value) {
    if (value.empty()) return;
    line += "; " + with_value(pattern, value);
    ++facts;
  };
  add(phrase("dated", language), year_of(value_of(a.tags, "start_date")));
  add(phrase("architect", language), listed(value_of(a.tags, "architect")));
  add(phrase("artist", language), listed(value_of(a.tags, "artist_name")));
  const bool listed = std::any_of(
      a.tags.begin(), a.tags.end(), [](const auto& t) { return t.first.starts_with("heritage"); });
  if (listed) add("%", std::string(phrase("heritage", language)));
  return {line + ".", facts};
}

}  // namespace

std::string describe(const model::Attraction& a, PlaceKind kind, std::string_view language) {
  const int wanted = language_index(language);
  const std::string code(model::kSupportedLanguages[static_cast<std::size_t>(wanted)].code);
  if (std::string own = value_of(a.tags, "description:" + code); !own.empty()) return own;
  const std::string plain = value_of(a.tags, "description");
  const int plain_language = plain.empty() ? -1 : guess_language(plain);
  if (plain_language == wanted) return plain;
  auto [line, facts] = fact_line(a, kind, wanted);
  if (facts > 0) return line;
  for (std::size_t l = 0; l < model::kSupportedLanguages.size(); ++l) {
    const std::string other =
        value_of(a.tags, "description:" + std::string(model::kSupportedLanguages[l].code));
    if (!other.empty()) return other + " " + std::string(in_language(static_cast<int>(l), wanted));
  }
  if (plain_language >= 0) return plain + " " + std::string(in_language(plain_language, wanted));
  return line;
}

std::string parts_sentence(const std::vector<std::string>& parts, std::string_view language) {
  if (parts.empty()) return "";
  const int index = language_index(language);
  std::string list;
  for (std::size_t i = 0; i < parts.size() && i < kPartsNamed; ++i)
    list += (i == 0 ? "" : ", ") + parts[i];
  if (parts.size() > kPartsNamed)
    list += with_value(phrase("more", index), std::to_string(parts.size() - kPartsNamed));
  return with_value(phrase("includes", index), list);
}

}  // namespace core::algo
