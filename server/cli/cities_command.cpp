#include <nlohmann/json.hpp>

#include "server/cli/commands.h"
#include "server/offline/embedded_catalogue.h"
#include "shared/json/model_json.h"

namespace server::cli {
namespace {

// Pads to `width` columns counting UTF-8 code points, so "Kraków" lines up like "Krakow".
std::string padded(const std::string& text, std::size_t width) {
  std::size_t columns = 0;
  for (const char c : text) columns += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  return text + std::string(width > columns ? width - columns : 1, ' ');
}

}  // namespace

int cities_command(const CitiesArgs& args, std::ostream& out) {
  const offline::EmbeddedCatalogue& catalogue = offline::EmbeddedCatalogue::builtin();
  if (args.json) {
    nlohmann::json cities = nlohmann::json::array();
    for (const offline::EmbeddedCity& c : catalogue.cities()) {
      cities.push_back({{"key", c.key},
                        {"place_id", c.city.place_id},
                        {"name", c.city.name},
                        {"country_code", c.city.country_code},
                        {"centre", c.city.centre},
                        {"candidates", catalogue.poi_count(c.key)},
                        {"note", c.city.note}});
    }
    out << nlohmann::json{{"success", true}, {"cities", cities}}.dump(2) << "\n";
    return 0;
  }
  out << "Cities of the embedded offline data set (generate one with `narrando-server generate "
         "<place_id>`):\n\n";
  out << padded("place_id", 31) << padded("name", 23) << padded("cc", 4) << "candidates\n";
  for (const offline::EmbeddedCity& c : catalogue.cities()) {
    out << padded(c.city.place_id, 31) << padded(c.city.name, 23) << padded(c.city.country_code, 4)
        << catalogue.poi_count(c.key) << "\n";
  }
  out << "\nData: (c) OpenStreetMap contributors (ODbL 1.0); GeoNames (CC BY 4.0); French "
         "Wikivoyage names\n"
         "(CC BY-SA 3.0) with Wikidata coordinates. Details: data/places/README.md\n";
  return 0;
}

}  // namespace server::cli
