#include "server/http/city_access.h"
#include "server/http/handlers.h"
#include "server/http/request_context.h"
#include "server/http/responses.h"
#include "shared/formats/geojson.h"
#include "shared/formats/gpx.h"
#include "shared/json/city_messages.h"

namespace server::http {
namespace {

std::string file_name(const core::model::City& city, const char* extension) {
  std::string name;
  for (const char c : city.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return "narrando-" + (name.empty() ? city.id : name) + "-tours." + extension;
}

}  // namespace

void handle_get_run(ApiContext& context,
                    const httplib::Request& request,
                    httplib::Response& response) {
  const std::string job_id = request.matches[2];
  RequestContext::current().job_id = job_id;
  send_json(
      response, 200, core::json::RunAnswer{context.reads.load_run(request.matches[1], job_id)});
}

void handle_list_runs(ApiContext& context,
                      const httplib::Request& request,
                      httplib::Response& response) {
  send_json(response, 200, context.reads.list_runs(request.matches[1]));
}

void handle_export_geojson(ApiContext& context,
                           const httplib::Request& request,
                           httplib::Response& response) {
  const service::CityView view = load_view(context, request.matches[1], request);
  response.status = 200;
  response.set_header("Content-Disposition",
                      "inline; filename=\"" + file_name(view.city, "geojson") + "\"");
  response.set_content(core::formats::tours_geojson(view.city, view.revision)
                           .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/geo+json");
}

void handle_export_gpx(ApiContext& context,
                       const httplib::Request& request,
                       httplib::Response& response) {
  const service::CityView view = load_view(context, request.matches[1], request);
  response.status = 200;
  response.set_header("Content-Disposition",
                      "attachment; filename=\"" + file_name(view.city, "gpx") + "\"");
  response.set_content(core::formats::tours_gpx(view.city, view.revision), "application/gpx+xml");
}

}  // namespace server::http
