#include "server/http/routes.h"

#include <httplib.h>

#include "server/http/handlers.h"
#include "server/http/responses.h"
#include "server/support/log.h"

namespace server::http {
namespace {

// Wraps a handler that needs the context.
template <class Fn>
httplib::Server::Handler with(ApiContext& context, Fn fn) {
  return [&context, fn](const httplib::Request& request, httplib::Response& response) {
    fn(context, request, response);
  };
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
                     {{"route", request.path}, {"code", e.code()}, {"error", e.what()}});
      }
      send_error(response, status, e.code(), e.what());
    } catch (const std::exception& e) {
      support::log(support::LogLevel::Error, "unexpected error", {{"route", request.path}, {"error", e.what()}});
      send_error(response, 500, "internal", "internal error; the server log has the details");
    } catch (...) {
      support::log(support::LogLevel::Error, "unexpected non-standard exception", {{"route", request.path}});
      send_error(response, 500, "internal", "internal error");
    }
  });
}

}  // namespace

void register_routes(httplib::Server& server, ApiContext& context) {
  set_error_handlers(server);
  server.set_payload_max_length(context.config.max_body_bytes);
  server.Get("/healthz", handle_healthz);
  server.Get("/readyz", with(context, handle_readyz));
  server.Post("/api/generate-city", with(context, handle_generate_city));
}

}  // namespace server::http
