#include "server/http/server_hooks.h"

#include <algorithm>
#include <cctype>

#include <httplib.h>

#include "server/auth/auth_errors.h"
#include "server/http/api_context.h"
#include "server/http/encoded_document.h"
#include "server/http/request_body.h"
#include "server/http/request_context.h"
#include "server/http/responses.h"
#include "server/support/log.h"
#include "server/support/metrics.h"
#include "server/support/uuid.h"

namespace server::http {
namespace {

// A client's request id is kept only if it is short and plain, so logs cannot be forged.
std::string request_id_of(const httplib::Request& request) {
  const std::string given = request.get_header_value("X-Request-Id");
  const bool plain =
      !given.empty() && given.size() <= 64 && std::all_of(given.begin(), given.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
      });
  return plain ? given : support::new_uuid();
}

// Called by whichever hook httplib runs first for a request: the 100-continue check or routing. The
// front door reset the context before httplib read the request (ApiServer).
void start_request(const httplib::Request& request, httplib::Response& response) {
  RequestContext& current = RequestContext::current();
  if (current.started) return;
  current.started = true;
  current.route = "unmatched";
  current.request_id = request_id_of(request);
  response.set_header("X-Request-Id", current.request_id);
}

// With METRICS_PORT, /metrics is served there and nothing else is: the API port answers it 404,
// and the metrics port answers 404 to everything else.
bool wrong_listener(const ApiContext& context, const httplib::Request& request) {
  if (!context.config.safeguards.metrics_port) return false;
  return RequestContext::current().metrics_listener != (request.path == "/metrics");
}

// cpp-httplib 0.11 compresses every JSON or text response itself, on every request, with brotli
// at quality 11 whenever the client accepts it (an 80 KB city took 30 ms of CPU per request), and
// its server has no switch for that. So the header is taken away from it when routing starts and
// the server decides: published documents compressed once (encoded_document.h), other large
// answers at a cheap level. httplib's Request object is its own non-const local; only the
// handler interface hands it out as const.
void take_accept_encoding(const httplib::Request& request) {
  auto& headers = const_cast<httplib::Request&>(request).headers;  // case-insensitive multimap
  std::string& taken = RequestContext::current().accept_encoding;
  const auto [first, last] = headers.equal_range("Accept-Encoding");
  for (auto it = first; it != last; ++it) taken += (taken.empty() ? "" : ", ") + it->second;
  headers.erase("Accept-Encoding");
}

// Answers a request whose body framing is refused (see check_body_framing; with `length_too`, a
// declared length over the limit as well). Its body stays unread, so its connection ends with the
// answer. Returns the status, or 0 when nothing is refused.
int refuse_framing(const ApiContext& context,
                   const httplib::Request& request,
                   httplib::Response& response,
                   bool length_too) {
  try {
    check_body_framing(request);
    if (length_too) check_declared_length(request, context.config.max_body_bytes);
    return 0;
  } catch (const core::Error& e) {
    RequestContext::current().close_connection = true;
    RequestContext::current().route = "rejected";
    send_error(response, status_for(e), e.code(), e.what());
    if (e.code() == "unsupported_media_type")
      response.set_header("Accept-Encoding", "identity");  // RFC 7694
    return response.status;
  }
}

void set_observability(httplib::Server& server, ApiContext& context) {
  // httplib sends "100 Continue" before routing; a body that would be refused, too large included,
  // is refused instead, so the client never sends it.
  server.set_expect_100_continue_handler(
      [&context](const httplib::Request& request, httplib::Response& response) {
        start_request(request, response);
        take_accept_encoding(request);
        const int refused = refuse_framing(context, request, response, true);
        return refused != 0 ? refused : 100;
      });
  // A body declared too large is refused by its route, after authorisation (request_body.h).
  server.set_pre_routing_handler(
      [&context](const httplib::Request& request, httplib::Response& response) {
        start_request(request, response);
        take_accept_encoding(request);
        if (refuse_framing(context, request, response, false) != 0)
          return httplib::Server::HandlerResponse::Handled;
        if (wrong_listener(context, request)) {
          send_error(response,
                     404,
                     "not_found",
                     "no route " + request.method + " " + request.path + " on this port");
          return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
    compress_response(response, RequestContext::current().accept_encoding);
    if (RequestContext::current().close_connection) close_after_response(response);
  });
  server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
    RequestContext& current = RequestContext::current();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - current.start).count();
    support::Metrics::global().observe_request(
        request.method, current.route, response.status, seconds);
    const support::LogLevel level =
        response.status >= 500 ? support::LogLevel::Error : support::LogLevel::Info;
    if (!support::log_enabled(level)) return;  // LOG_LEVEL=warn: no line, so no fields to build
    if (current.request_id.empty()) current.request_id = support::new_uuid();
    nlohmann::json fields{{"request_id", current.request_id},
                          {"method", support::method_label(request.method)},
                          {"route", current.route},
                          {"path", request.path},
                          {"status", response.status},
                          {"latency_ms", seconds * 1000.0}};
    const std::string job_id =
        !current.job_id.empty() ? current.job_id : response.get_header_value("X-Job-Id");
    if (!job_id.empty()) fields["job_id"] = job_id;
    support::log(level, "request", fields);
    // Left as is: the front door reads it after the request (ApiServer) and resets it before the
    // next.
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
  case 415: return "unsupported_media_type";
  default: return status >= 500 ? "internal" : "invalid_request";
  }
}

// What a client is told about an error of `status`: database and internal details stay in the log
// (a PostgreSQL message can quote the request's data, and says nothing a client can act on).
std::string client_message(const core::Error& error, int status) {
  if (error.code() == "storage_unavailable")
    return "the database is unavailable; try again shortly";
  if (status == 500) return "internal error; the server log has the details";
  return error.what();
}

void set_error_handlers(httplib::Server& server) {
  // Every error leaves as the JSON error shape, including httplib's own 404 and 413.
  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    const std::string message =
        response.status == 404   ? "no route " + request.method + " " + request.path
        : response.status == 413 ? "the request body is larger than the limit"
                                 : "the request could not be served";
    send_error(response, response.status, code_for_status(response.status), message);
  });
  server.set_exception_handler([](const httplib::Request& request,
                                  httplib::Response& response,
                                  std::exception_ptr exception) {
    try {
      std::rethrow_exception(exception);
    } catch (const core::Error& e) {
      const int status = status_for(e);
      if (status >= 500) {
        support::log(
            support::LogLevel::Error,
            "request failed",
            {{"route", RequestContext::current().route}, {"code", e.code()}, {"error", e.what()}});
      }
      if (status == 401) {
        // RFC 6750 §3: a refused access token is "invalid_token"; the body says why.
        response.set_header("WWW-Authenticate",
                            e.code() == "invalid_token" ? "Bearer error=\"invalid_token\""
                                                        : "Bearer");
      }
      if (const auto* unavailable = dynamic_cast<const auth::KeysUnavailable*>(&e)) {
        response.set_header("Retry-After", std::to_string(unavailable->retry_after().count()));
      }
      send_error(response, status, e.code(), client_message(e, status));
    } catch (const std::exception& e) {
      support::log(support::LogLevel::Error,
                   "unexpected error",
                   {{"route", RequestContext::current().route},
                    {"path", request.path},
                    {"error", e.what()}});
      send_error(response, 500, "internal", "internal error; the server log has the details");
    } catch (...) {
      support::log(
          support::LogLevel::Error, "unexpected non-standard exception", {{"path", request.path}});
      send_error(response, 500, "internal", "internal error");
    }
  });
}

}  // namespace

void install_server_hooks(httplib::Server& server, ApiContext& context) {
  set_observability(server, context);
  set_error_handlers(server);
  // Bodies are read by the routes themselves, which keep at most max_body_bytes and drain at most
  // kDrainFactor times that (request_body.h); httplib's own limit must not cut in first.
  server.set_payload_max_length(kDrainFactor * context.config.max_body_bytes);
}

}  // namespace server::http
