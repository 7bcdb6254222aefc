#include <algorithm>
#include <cctype>

#include <httplib.h>

#include "server/clients/http_transport.h"
#include "server/support/base_url.h"

namespace server::clients {
namespace {

constexpr const char* kCaBundle = "/etc/ssl/certs/ca-certificates.crt";

class HttplibTransport : public HttpTransport {
 public:
  HttplibTransport(const std::string& base_url, TransportTimeouts timeouts)
      : m_base(support::split_base_url(base_url)), m_timeouts(timeouts) {}

  HttpResponse send(const HttpRequest& request) override {
    // One client per call: httplib::Client is not safe to share between threads, and calls to
    // external APIs are seconds apart, so connection reuse would buy little.
    httplib::Client client(m_base.origin);
    client.set_connection_timeout(m_timeouts.connect);
    client.set_read_timeout(m_timeouts.read);
    client.set_write_timeout(m_timeouts.read);
    if (m_base.origin.starts_with("https://")) {
      client.set_ca_cert_path(kCaBundle);
      client.enable_server_certificate_verification(true);
    }
    httplib::Headers headers;
    for (const auto& [name, value] : request.headers) headers.emplace(name, value);
    // A gateway's base URL ("https://host/v1") mounts the service below a path.
    const std::string path = support::prefixed_path(m_base.path_prefix, request.path);
    httplib::Result result = request.method == "GET"
                                 ? client.Get(path, headers)
                                 : client.Post(path, headers, request.body, request.content_type);
    HttpResponse response;
    if (!result) {
      response.error = httplib::to_string(result.error());
      return response;
    }
    response.status = result->status;
    response.body = result->body;
    for (const auto& [name, value] : result->headers) {
      std::string lower = name;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
        return std::tolower(c);
      });
      response.headers[lower] = value;
    }
    return response;
  }

 private:
  support::BaseUrl m_base;
  TransportTimeouts m_timeouts;
};

}  // namespace

std::unique_ptr<HttpTransport> make_httplib_transport(const std::string& base_url,
                                                      TransportTimeouts timeouts) {
  return std::make_unique<HttplibTransport>(base_url, timeouts);
}

}  // namespace server::clients
