#include "server/clients/jwks_client.h"

#include <algorithm>

#include "server/errors.h"

namespace server::clients {
namespace {

bool retryable(int status) {
  return status == 0 || status == 408 || status == 429 || status >= 500;
}

}  // namespace

JwksClient::JwksClient(std::shared_ptr<HttpTransport> transport,
                       std::string path,
                       JwksFetchPolicy policy,
                       Sleeper sleeper)
    : m_transport(std::move(transport)), m_path(std::move(path)), m_policy(policy),
      m_sleeper(std::move(sleeper)) {}

std::string JwksClient::fetch() const {
  HttpRequest request;
  request.method = "GET";
  request.path = m_path;
  request.headers = {{"Accept", "application/json"}};
  HttpResponse response;
  auto delay = m_policy.base_delay;
  for (int attempt = 1; attempt <= std::max(m_policy.max_attempts, 1); ++attempt) {
    if (attempt > 1) {
      m_sleeper(std::min(std::max(delay, requested_delay(response)), m_policy.max_delay));
      delay *= 2;
    }
    response = m_transport->send(request);
    if (response.status == 200) return response.body;
    if (!retryable(response.status)) break;
  }
  throw UpstreamError("jwks",
                      response.status,
                      "the JWKS endpoint failed: " + describe_failure(response),
                      retryable(response.status));
}

std::unique_ptr<JwksClient> make_supabase_jwks_client(const std::string& supabase_url,
                                                      Sleeper sleeper) {
  std::shared_ptr<HttpTransport> transport = make_httplib_transport(
      supabase_url, TransportTimeouts{std::chrono::seconds(3), std::chrono::seconds(5)});
  return std::make_unique<JwksClient>(
      std::move(transport), kSupabaseJwksPath, JwksFetchPolicy{}, std::move(sleeper));
}

}  // namespace server::clients
