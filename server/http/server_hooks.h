#pragma once

namespace httplib {
class Server;
}

namespace server::http {

struct ApiContext;

/// Installs what runs around every request, routed or not: request ids, the access log and
/// metrics; the refusal of body framing the server will not read, before routing and before a
/// 100 Continue (see request_body.h); closing connections whose body was left unread; and the
/// error and exception handlers that give every error the JSON error shape. Database and
/// internal error details go to the log, never to the client. `context` must outlive `server`.
void install_server_hooks(httplib::Server& server, ApiContext& context);

}  // namespace server::http
