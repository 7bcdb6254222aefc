#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "server/config/config.h"

namespace server::http {

/// What is known about the request this thread serves: reset by the front door before httplib
/// reads the request, completed by the hooks, the route wrapper and handlers, read by the access
/// log and metrics when the response is done. A request is served on one thread from its first
/// byte to its log line, so a thread_local is exact.
struct RequestContext {
  std::string request_id;
  /// The route pattern, e.g. "/api/cities/{id}"; "unmatched" once routing found none; "rejected"
  /// for a request refused before routing (malformed, refused framing, a deadline).
  std::string route = "rejected";
  std::string job_id;  ///< set by handlers that touch a job
  config::Role role = config::Role::App;
  std::string caller;        ///< Caller::id: whose quotas the request counts against
  std::string caller_scope;  ///< Caller::scope: whose idempotency keys it uses
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  bool started = false;           ///< set when routing begins
  bool close_connection = false;  ///< the request's body was left unread: end the connection
  bool metrics_listener = false;  ///< the connection came through METRICS_PORT
  std::vector<std::string> empty_headers;  ///< lower-case names of headers sent with no value
  /// The request's Accept-Encoding, taken from httplib at routing so that only the server
  /// compresses (see take_accept_encoding in server_hooks.cpp).
  std::string accept_encoding;

  /// The context of the current thread's request.
  static RequestContext& current();
};

}  // namespace server::http
