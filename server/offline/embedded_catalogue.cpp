#include "server/offline/embedded_catalogue.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "server/offline/osm_place_types.h"
#include "shared/json/json_reader.h"

extern const unsigned char narrando_places_tsv[];
extern const std::size_t narrando_places_tsv_size;

namespace server::offline {
namespace {

constexpr std::size_t kCityColumns = 14;
constexpr std::size_t kPoiColumns = 17;

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(
        line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

double to_double(std::string_view text, std::size_t line) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw std::runtime_error("places data line " + std::to_string(line) + ": bad number \"" +
                             std::string(text) + "\"");
  }
  return value;
}

long to_long(std::string_view text, std::size_t line) {
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (!text.empty() && (error != std::errc() || end != text.data() + text.size())) {
    throw std::runtime_error("places data line " + std::to_string(line) + ": bad integer \"" +
                             std::string(text) + "\"");
  }
  return value;
}

EmbeddedCity parse_city(const std::vector<std::string_view>& f, std::size_t line) {
  EmbeddedCity result;
  result.key = std::string(f[1]);
  result.geonames_id = std::string(f[3]);
  result.population = to_long(f[12], line);
  core::model::City& city = result.city;
  city.place_id = std::string(f[2]);
  city.name = std::string(f[4]);
  city.country_code = std::string(f[5]);
  city.centre = {to_double(f[6], line), to_double(f[7], line)};
  city.viewport = {{to_double(f[8], line), to_double(f[9], line)},
                   {to_double(f[10], line), to_double(f[11], line)}};
  city.source = core::model::PlaceSource::Embedded;
  city.note = std::string(f[13]);
  return result;
}

std::map<std::string, std::string> parse_tags(std::string_view text, std::size_t line) {
  std::map<std::string, std::string> tags;
  try {
    core::json::read_value(core::json::parse_json(std::string(text)), tags, "tags");
  } catch (const std::exception& e) {
    throw std::runtime_error("places data line " + std::to_string(line) + ": " + e.what());
  }
  return tags;
}

EmbeddedPoi parse_poi(const std::vector<std::string_view>& f, std::size_t line) {
  EmbeddedPoi poi;
  poi.city_key = std::string(f[1]);
  poi.name_en = std::string(f[4]);
  poi.tag = std::string(f[7]);
  poi.category = std::string(f[8]);
  poi.source = std::string(f[14]);
  core::model::Attraction& a = poi.attraction;
  a.source_id = std::string(f[2]);
  a.id = core::model::attraction_id(a.source_id);
  a.name = std::string(f[3]);
  a.location = {to_double(f[5], line), to_double(f[6], line)};
  a.tags = parse_tags(f[15], line);
  // The local name and the English one are tags too: the filter picks the name to show.
  a.tags.emplace("name", a.name);
  if (!poi.name_en.empty()) a.tags.emplace("name:en", poi.name_en);
  a.types = place_types_for(poi.tag, std::string(f[9]), a.tags);
  a.wikidata = std::string(f[10]);
  a.wikipedia = std::string(f[11]);
  a.name_variants = static_cast<int>(to_long(f[12], line));
  a.within = std::string(f[16]);
  return poi;
}

}  // namespace

EmbeddedCatalogue EmbeddedCatalogue::parse(std::string_view tsv) {
  EmbeddedCatalogue catalogue;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < tsv.size()) {
    const std::size_t newline = tsv.find('\n', start);
    std::string_view line = tsv.substr(
        start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
    start = newline == std::string_view::npos ? tsv.size() : newline + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto fields = split_tabs(line);
    if (fields[0] == "city" && fields.size() == kCityColumns) {
      catalogue.m_cities.push_back(parse_city(fields, line_number));
    } else if (fields[0] == "poi" && fields.size() == kPoiColumns) {
      catalogue.m_pois.push_back(parse_poi(fields, line_number));
    } else {
      throw std::runtime_error("places data line " + std::to_string(line_number) +
                               ": unexpected record with " + std::to_string(fields.size()) +
                               " fields");
    }
  }
  std::sort(catalogue.m_cities.begin(), catalogue.m_cities.end(), [](const auto& x, const auto& y) {
    return x.key < y.key;
  });
  return catalogue;
}

const EmbeddedCatalogue& EmbeddedCatalogue::builtin() {
  static const EmbeddedCatalogue kCatalogue = parse(std::string_view(
      reinterpret_cast<const char*>(narrando_places_tsv), narrando_places_tsv_size));
  return kCatalogue;
}

const EmbeddedCity* EmbeddedCatalogue::find(std::string_view place_id) const {
  constexpr std::string_view kGeonames = "geonames:";
  for (const EmbeddedCity& city : m_cities) {
    if (city.city.place_id == place_id) return &city;
    if (place_id.starts_with(kGeonames) && place_id.substr(kGeonames.size()) == city.geonames_id)
      return &city;
  }
  return nullptr;
}

std::vector<const EmbeddedPoi*> EmbeddedCatalogue::pois_of(std::string_view city_key) const {
  std::vector<const EmbeddedPoi*> result;
  for (const EmbeddedPoi& poi : m_pois) {
    if (poi.city_key == city_key) result.push_back(&poi);
  }
  return result;
}

std::size_t EmbeddedCatalogue::poi_count(std::string_view city_key) const {
  return static_cast<std::size_t>(
      std::count_if(m_pois.begin(), m_pois.end(), [&](const EmbeddedPoi& poi) {
        return poi.city_key == city_key;
      }));
}

}  // namespace server::offline
