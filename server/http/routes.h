#pragma once

#include <string>
#include <vector>

namespace httplib {
class Server;
}

namespace server::http {

struct ApiContext;

/// A route as documented: method and OpenAPI path template ("/api/cities/{id}").
struct RouteInfo {
  std::string method;
  std::string path;
  std::string access;  ///< "public", "app" (app or editor) or "editor"
};

/// Registers every route of the API (DESIGN §3) with its access rule, plus request ids, access
/// logs, metrics and the error handlers. `context` must outlive the server. main() and the
/// tests call the same function.
void register_routes(httplib::Server& server, ApiContext& context);

/// Every route register_routes() installs (what /api/openapi.json must describe).
std::vector<RouteInfo> route_infos();

}  // namespace server::http
