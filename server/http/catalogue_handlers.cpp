// GET /api/places: the cities of the embedded offline data set, for the console's generate list.
#include <algorithm>

#include "server/http/handlers.h"
#include "server/http/responses.h"
#include "server/offline/embedded_catalogue.h"
#include "server/offline/walking_networks.h"
#include "shared/json/city_messages.h"

namespace server::http {

void handle_list_places(ApiContext&, const httplib::Request&, httplib::Response& response) {
  const offline::EmbeddedCatalogue& catalogue = offline::EmbeddedCatalogue::builtin();
  const std::vector<offline::EmbeddedGraphFile>& graphs = offline::WalkingNetworks::builtin().files();
  core::json::PlaceList list;
  for (const offline::EmbeddedCity& city : catalogue.cities()) {
    const bool walking_network = std::any_of(graphs.begin(), graphs.end(), [&](const offline::EmbeddedGraphFile& file) {
      return file.city_key == city.key;
    });
    list.places.push_back({city.city.place_id, city.city.name, city.city.country_code,
                           static_cast<int>(catalogue.poi_count(city.key)), walking_network});
  }
  send_json(response, 200, list);
}

}  // namespace server::http
