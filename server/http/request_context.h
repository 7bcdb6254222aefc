#pragma once

#include <chrono>
#include <string>

#include "server/config/config.h"

namespace server::http {

/// What is known about the request this thread serves: set when routing starts, completed by
/// the route wrapper and handlers, read by the access log and metrics when the response is done.
/// httplib serves a request on one thread from routing to logging, so a thread_local is exact.
struct RequestContext {
  std::string request_id;
  std::string route = "unmatched";  ///< the route pattern, e.g. "/api/cities/{id}"
  std::string job_id;               ///< set by handlers that touch a job
  config::Role role = config::Role::App;
  std::chrono::steady_clock::time_point start;
  bool started = false;           ///< set when the request begins, cleared once it is logged
  bool close_connection = false;  ///< the request's body was left unread: end the connection
  /// The request's Accept-Encoding, taken from httplib at routing so that only the server
  /// compresses (see take_accept_encoding in server_hooks.cpp).
  std::string accept_encoding;

  /// The context of the current thread's request.
  static RequestContext& current();
};

}  // namespace server::http
