// GET /api/places: the cities of the embedded offline data set, for the console's generate list.
#include "server/http/handlers.h"
#include "server/http/responses.h"
#include "server/service/read_service.h"

namespace server::http {

void handle_list_places(ApiContext&, const httplib::Request&, httplib::Response& response) {
  send_json(response, 200, service::ReadService::list_places());
}

}  // namespace server::http
