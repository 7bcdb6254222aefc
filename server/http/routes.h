#pragma once

namespace httplib {
class Server;
}

namespace server::http {

struct ApiContext;

/// Registers every route of the API (DESIGN §3) and the error and exception handlers on
/// `server`. `context` must outlive the server. The same function serves main() and tests.
void register_routes(httplib::Server& server, ApiContext& context);

}  // namespace server::http
