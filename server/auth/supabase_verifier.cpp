#include "server/auth/supabase_verifier.h"

#include <algorithm>

#include "server/clients/jwks_client.h"

namespace server::auth {
namespace {

// The least time between two JWKS fetches: what a stream of tokens naming forged kids, or an
// endpoint that is down, can cost the endpoint and the requests that wait on it.
constexpr std::chrono::seconds kMinRefetch{30};

JwksCacheSettings cache_settings(const config::SupabaseAuth& settings) {
  JwksCacheSettings cache;
  cache.ttl = std::chrono::seconds(settings.jwks_cache_seconds);
  cache.min_refetch = std::min(kMinRefetch, cache.ttl);
  return cache;
}

TokenPolicy policy(const config::SupabaseAuth& settings) {
  TokenPolicy policy;
  policy.issuer = settings.issuer();
  policy.audience = settings.audience;
  policy.hs256_secret = settings.jwt_secret;
  return policy;
}

}  // namespace

SupabaseVerifier::SupabaseVerifier(const config::SupabaseAuth& settings,
                                   JwksFetch fetch,
                                   const support::Clock& clock)
    : m_keys(std::move(fetch), cache_settings(settings), clock),
      m_verifier(policy(settings), m_keys, clock) {}

std::unique_ptr<SupabaseVerifier> make_supabase_verifier(const config::SupabaseAuth& settings,
                                                         const support::Clock& clock) {
  if (!settings.enabled()) return nullptr;
  std::shared_ptr<clients::JwksClient> client = clients::make_supabase_jwks_client(settings.url);
  return std::make_unique<SupabaseVerifier>(
      settings, [client] { return client->fetch(); }, clock);
}

}  // namespace server::auth
