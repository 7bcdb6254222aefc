#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace server::clients {

/// One HTTP request to an external service. Secrets travel in `headers` only, never in `body`
/// or `path`, so recording body and path can never leak a key.
struct HttpRequest {
  std::string method = "POST";
  std::string path;  ///< path and query, e.g. "/v1/places:searchText"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type = "application/json";
};

/// What came back: a status and body, or a transport error (status 0).
struct HttpResponse {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  ///< lower-case names
  std::string error;  ///< "timeout", "connection refused"...; empty on a response
};

/// Sends requests to one service's base URL. Implementations are thread-safe.
class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  /// Sends `request`; never throws for network trouble (it lands in HttpResponse::error).
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

/// Connect and read timeouts of a transport.
struct TransportTimeouts {
  std::chrono::seconds connect{10};
  std::chrono::seconds read{60};
};

/// The real transport: cpp-httplib, HTTPS with certificate verification against the system CA
/// store (Debian's ca-certificates). `base_url` is "scheme://host[:port][/prefix]"; the prefix goes
/// in front of every request path. Throws core::InputError for a malformed base URL.
std::unique_ptr<HttpTransport> make_httplib_transport(const std::string& base_url,
                                                      TransportTimeouts timeouts);

}  // namespace server::clients
