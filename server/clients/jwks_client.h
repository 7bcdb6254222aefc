#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "server/clients/http_transport.h"
#include "server/clients/service_caller.h"

namespace server::clients {

/// How a JWKS fetch is retried. It may run on a request's path (a cold or expired cache), so
/// the attempts and delays are short.
struct JwksFetchPolicy {
  int max_attempts = 3;
  std::chrono::milliseconds base_delay{200};  ///< doubles per attempt
  std::chrono::milliseconds max_delay{2000};  ///< a longer Retry-After is cut to this
};

/// Fetches a JSON Web Key Set with GET `path` over `transport`: retried on transport errors,
/// 408, 429 and 5xx (Retry-After honoured up to max_delay), not on other statuses. Thread-safe.
class JwksClient {
 public:
  JwksClient(std::shared_ptr<HttpTransport> transport,
             std::string path,
             JwksFetchPolicy policy = {},
             Sleeper sleeper = real_sleeper());

  /// The body of the 200 answer. Throws server::UpstreamError (service "jwks") naming the
  /// status or transport error of the last attempt.
  std::string fetch() const;

 private:
  std::shared_ptr<HttpTransport> m_transport;
  std::string m_path;
  JwksFetchPolicy m_policy;
  Sleeper m_sleeper;
};

/// Where Supabase Auth publishes a project's signing keys, below its URL.
inline constexpr const char* kSupabaseJwksPath = "/auth/v1/.well-known/jwks.json";

/// The JWKS client of the Supabase project at `supabase_url` ("https://<ref>.supabase.co"):
/// kSupabaseJwksPath over the httplib transport (certificates verified), 3 s to connect, 5 s
/// to read. Throws core::InputError for a malformed URL.
std::unique_ptr<JwksClient> make_supabase_jwks_client(const std::string& supabase_url,
                                                      Sleeper sleeper = real_sleeper());

}  // namespace server::clients
