#include "server/http/routes.h"

#include <httplib.h>

#include "server/http/auth.h"
#include "server/http/handlers.h"
#include "server/http/request_context.h"
#include "server/http/responses.h"
#include "server/support/log.h"
#include "server/support/metrics.h"
#include "server/support/uuid.h"

namespace server::http {
namespace {

using ContextHandler = void (*)(ApiContext&, const httplib::Request&, httplib::Response&);

struct Route {
  const char* method;
  const char* path;     // OpenAPI template
  const char* pattern;  // httplib regex
  Access access;
  ContextHandler handler;
};

// Handlers that need no context are adapted here so every route has one shape.
void healthz(ApiContext&, const httplib::Request& rq, httplib::Response& rs) { handle_healthz(rq, rs); }
void openapi(ApiContext&, const httplib::Request& rq, httplib::Response& rs) { handle_openapi(rq, rs); }

constexpr const char* kId = "([^/]+)";

const std::vector<Route>& routes() {
  static const std::string city = std::string("/api/cities/") + kId;
  static const std::string city_attraction = city + "/attractions/" + kId;
  static const std::string city_run = city + "/runs/" + kId;
  static const std::string job = std::string("/api/jobs/") + kId;
  static const std::string tours = city + "/tours";
  static const std::string replan = city + "/replan";
  static const std::string publish = city + "/publish";
  static const std::string geojson = city + "/export\\.geojson";
  static const std::string gpx = city + "/export\\.gpx";
  static const std::string events = job + "/events";
  static const std::vector<Route> kRoutes{
      {"GET", "/healthz", "/healthz", Access::Public, healthz},
      {"GET", "/readyz", "/readyz", Access::Public, handle_readyz},
      {"GET", "/metrics", "/metrics", Access::Public, handle_metrics},
      {"GET", "/api/openapi.json", "/api/openapi\\.json", Access::Public, openapi},
      {"POST", "/api/generate-city", "/api/generate-city", Access::App, handle_generate_city},
      {"GET", "/api/jobs/{id}", job.c_str(), Access::App, handle_get_job},
      {"GET", "/api/jobs/{id}/events", events.c_str(), Access::Editor, handle_job_events},
      {"GET", "/api/cities", "/api/cities", Access::App, handle_list_cities},
      {"GET", "/api/cities/{id}", city.c_str(), Access::App, handle_get_city},
      {"PATCH", "/api/cities/{id}/attractions/{aid}", city_attraction.c_str(), Access::Editor,
       handle_patch_attraction},
      {"PUT", "/api/cities/{id}/tours", tours.c_str(), Access::Editor, handle_put_tours},
      {"POST", "/api/cities/{id}/replan", replan.c_str(), Access::Editor, handle_replan},
      {"POST", "/api/cities/{id}/publish", publish.c_str(), Access::Editor, handle_publish},
      {"GET", "/api/cities/{id}/runs/{job}", city_run.c_str(), Access::Editor, handle_get_run},
      {"GET", "/api/cities/{id}/export.geojson", geojson.c_str(), Access::App, handle_export_geojson},
      {"GET", "/api/cities/{id}/export.gpx", gpx.c_str(), Access::App, handle_export_gpx},
  };
  return kRoutes;
}

httplib::Server::Handler guarded(ApiContext& context, const Route& route) {
  return [&context, &route](const httplib::Request& request, httplib::Response& response) {
    RequestContext& current = RequestContext::current();
    current.route = route.path;
    current.role = authorize(request, context.config, route.access);
    route.handler(context, request, response);
  };
}

void add_route(httplib::Server& server, ApiContext& context, const Route& route) {
  const std::string method = route.method;
  if (method == "GET") server.Get(route.pattern, guarded(context, route));
  else if (method == "POST") server.Post(route.pattern, guarded(context, route));
  else if (method == "PUT") server.Put(route.pattern, guarded(context, route));
  else if (method == "PATCH") server.Patch(route.pattern, guarded(context, route));
}

// A client's request id is kept only if it is short and plain, so logs cannot be forged.
std::string request_id_of(const httplib::Request& request) {
  const std::string given = request.get_header_value("X-Request-Id");
  const bool plain = !given.empty() && given.size() <= 64 && std::all_of(given.begin(), given.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
  return plain ? given : support::new_uuid();
}

void set_observability(httplib::Server& server) {
  server.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    RequestContext& current = RequestContext::current();
    current = RequestContext{};
    current.start = std::chrono::steady_clock::now();
    current.request_id = request_id_of(request);
    response.set_header("X-Request-Id", current.request_id);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
    const RequestContext& current = RequestContext::current();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - current.start).count();
    support::Metrics::global().observe_request(request.method, current.route, response.status, seconds);
    nlohmann::json fields{{"request_id", current.request_id}, {"method", request.method},
                          {"route", current.route},           {"path", request.path},
                          {"status", response.status},        {"latency_ms", seconds * 1000.0}};
    const std::string job_id = !current.job_id.empty() ? current.job_id : response.get_header_value("X-Job-Id");
    if (!job_id.empty()) fields["job_id"] = job_id;
    support::log(response.status >= 500 ? support::LogLevel::Error : support::LogLevel::Info, "request", fields);
  });
}

const char* code_for_status(int status) {
  switch (status) {
    case 400: return "invalid_request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    default: return status >= 500 ? "internal" : "invalid_request";
  }
}

void set_error_handlers(httplib::Server& server) {
  // Every error leaves as the JSON error shape, including httplib's own 404 and 413.
  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    const std::string message = response.status == 404   ? "no route " + request.method + " " + request.path
                                : response.status == 413 ? "the request body is larger than the limit"
                                                         : "the request could not be served";
    send_error(response, response.status, code_for_status(response.status), message);
  });
  server.set_exception_handler([](const httplib::Request& request, httplib::Response& response,
                                  std::exception_ptr exception) {
    try {
      std::rethrow_exception(exception);
    } catch (const core::Error& e) {
      const int status = status_for(e);
      if (status >= 500) {
        support::log(support::LogLevel::Error, "request failed",
                     {{"route", RequestContext::current().route}, {"code", e.code()}, {"error", e.what()}});
      }
      if (status == 401) response.set_header("WWW-Authenticate", "Bearer");
      send_error(response, status, e.code(), e.what());
    } catch (const std::exception& e) {
      support::log(support::LogLevel::Error, "unexpected error",
                   {{"route", RequestContext::current().route}, {"path", request.path}, {"error", e.what()}});
      send_error(response, 500, "internal", "internal error; the server log has the details");
    } catch (...) {
      support::log(support::LogLevel::Error, "unexpected non-standard exception", {{"path", request.path}});
      send_error(response, 500, "internal", "internal error");
    }
  });
}

}  // namespace

void register_routes(httplib::Server& server, ApiContext& context) {
  set_observability(server);
  set_error_handlers(server);
  server.set_payload_max_length(context.config.max_body_bytes);
  for (const Route& route : routes()) {
    const bool probe = route.path == std::string("/healthz") || route.path == std::string("/readyz") ||
                       route.path == std::string("/metrics");
    if (!context.probes_only || probe) add_route(server, context, route);
  }
}

std::vector<RouteInfo> route_infos() {
  std::vector<RouteInfo> infos;
  for (const Route& route : routes()) {
    const char* access = route.access == Access::Public ? "public" : route.access == Access::App ? "app" : "editor";
    infos.push_back({route.method, route.path, access});
  }
  return infos;
}

}  // namespace server::http
