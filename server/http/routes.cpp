#include "server/http/routes.h"

#include <httplib.h>

#include "server/http/auth.h"
#include "server/http/handlers.h"
#include "server/http/request_body.h"
#include "server/http/request_context.h"
#include "server/http/server_hooks.h"

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
void healthz(ApiContext&, const httplib::Request& rq, httplib::Response& rs) {
  handle_healthz(rq, rs);
}
void openapi(ApiContext&, const httplib::Request& rq, httplib::Response& rs) {
  handle_openapi(rq, rs);
}

constexpr const char* kId = "([^/]+)";

const std::vector<Route>& routes() {
  static const std::string city = std::string("/api/cities/") + kId;
  static const std::string city_attraction = city + "/attractions/" + kId;
  static const std::string city_runs = city + "/runs";
  static const std::string city_run = city + "/runs/" + kId;
  static const std::string job = std::string("/api/jobs/") + kId;
  static const std::string tours = city + "/tours";
  static const std::string replan = city + "/replan";
  static const std::string publish = city + "/publish";
  static const std::string geojson = city + "/export\\.geojson";
  static const std::string gpx = city + "/export\\.gpx";
  static const std::string events = job + "/events";
  static const std::string basemap = city + "/basemap";
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
      {"PATCH",
       "/api/cities/{id}/attractions/{aid}",
       city_attraction.c_str(),
       Access::Editor,
       handle_patch_attraction},
      {"PUT", "/api/cities/{id}/tours", tours.c_str(), Access::Editor, handle_put_tours},
      {"POST", "/api/cities/{id}/replan", replan.c_str(), Access::Editor, handle_replan},
      {"POST", "/api/cities/{id}/publish", publish.c_str(), Access::Editor, handle_publish},
      {"GET", "/api/cities/{id}/runs", city_runs.c_str(), Access::Editor, handle_list_runs},
      {"GET", "/api/cities/{id}/runs/{job}", city_run.c_str(), Access::Editor, handle_get_run},
      {"GET", "/api/cities/{id}/basemap", basemap.c_str(), Access::App, handle_get_basemap},
      {"GET",
       "/api/cities/{id}/export.geojson",
       geojson.c_str(),
       Access::App,
       handle_export_geojson},
      {"GET", "/api/cities/{id}/export.gpx", gpx.c_str(), Access::App, handle_export_gpx},
      {"GET", "/api/places", "/api/places", Access::App, handle_list_places},
  };
  return kRoutes;
}

void remember(RequestContext& current, Caller caller) {
  current.role = caller.role;
  current.caller = std::move(caller.id);
  current.caller_scope = std::move(caller.scope);
}

httplib::Server::Handler guarded(ApiContext& context, const Route& route) {
  return [&context, &route](const httplib::Request& request, httplib::Response& response) {
    RequestContext& current = RequestContext::current();
    current.route = route.path;
    remember(current, authorize(request, context.config, route.access, context.app_tokens.get()));
    route.handler(context, request, response);
  };
}

// Routes that take a JSON body read it here, after the caller is authorised and never past the
// limit (request_body.h), so that their handlers find it in request.body as usual.
httplib::Server::HandlerWithContentReader guarded_with_body(ApiContext& context,
                                                            const Route& route) {
  return [&context, &route](const httplib::Request& request,
                            httplib::Response& response,
                            const httplib::ContentReader& reader) {
    RequestContext& current = RequestContext::current();
    current.route = route.path;
    RequestBody body(request, reader, context.config.max_body_bytes);
    try {
      remember(current, authorize(request, context.config, route.access, context.app_tokens.get()));
      if (declares_body(request)) require_json_content_type(request);
      // httplib passes content-reader handlers a const view of the request it owns (a non-const
      // local of its own); the body goes where httplib's own reader would have put it.
      const_cast<httplib::Request&>(request).body = body.read();
      route.handler(context, request, response);
    } catch (...) {
      if (!body.settle()) current.close_connection = true;
      throw;
    }
  };
}

void add_route(httplib::Server& server, ApiContext& context, const Route& route) {
  const std::string method = route.method;
  if (method == "GET")
    server.Get(route.pattern, guarded(context, route));
  else if (method == "POST")
    server.Post(route.pattern, guarded_with_body(context, route));
  else if (method == "PUT")
    server.Put(route.pattern, guarded_with_body(context, route));
  else if (method == "PATCH")
    server.Patch(route.pattern, guarded_with_body(context, route));
}

// Registered after every route: a POST, PUT or PATCH to no route must not reach httplib's own
// body reading, which has no bound; its body is read and dropped within the drain allowance, or
// its connection closed.
void add_unmatched_body_routes(httplib::Server& server, const ApiContext& context) {
  const httplib::Server::HandlerWithContentReader unmatched =
      [&context](const httplib::Request& request,
                 httplib::Response& response,
                 const httplib::ContentReader& reader) {
        RequestBody body(request, reader, context.config.max_body_bytes);
        if (!body.settle()) RequestContext::current().close_connection = true;
        response.status = 404;  // the error handler words it
      };
  server.Post(".*", unmatched);
  server.Put(".*", unmatched);
  server.Patch(".*", unmatched);
}

}  // namespace

void register_routes(httplib::Server& server, ApiContext& context) {
  install_server_hooks(server, context);
  for (const Route& route : routes()) {
    const bool probe = route.path == std::string("/healthz") ||
                       route.path == std::string("/readyz") ||
                       route.path == std::string("/metrics");
    if (!context.probes_only || probe) add_route(server, context, route);
  }
  add_unmatched_body_routes(server, context);
}

std::vector<RouteInfo> route_infos() {
  std::vector<RouteInfo> infos;
  for (const Route& route : routes()) {
    const char* access = route.access == Access::Public ? "public"
                         : route.access == Access::App  ? "app"
                                                        : "editor";
    infos.push_back({route.method, route.path, access});
  }
  return infos;
}

}  // namespace server::http
