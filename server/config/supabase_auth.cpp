#include "server/config/supabase_auth.h"

#include "server/clients/base_url.h"
#include "shared/errors.h"

namespace server::config {
namespace {

// Supabase's legacy secrets are 40 characters or more; a short one could be guessed offline
// from any token it signed.
constexpr std::size_t kMinSecretLength = 32;

}  // namespace

SupabaseAuth read_supabase_auth(const Environment& env) {
  SupabaseAuth auth;
  auth.url = read_string(env, "SUPABASE_URL", "");
  while (auth.url.ends_with('/')) auth.url.pop_back();
  if (!auth.url.empty()) {
    try {
      clients::split_base_url(auth.url);
    } catch (const core::InputError& e) {
      throw core::InputError(std::string("SUPABASE_URL: ") + e.what(), "invalid_config");
    }
  }
  auth.jwt_secret = read_string(env, "SUPABASE_JWT_SECRET", "");
  if (!auth.jwt_secret.empty() && auth.jwt_secret.size() < kMinSecretLength) {
    throw core::InputError("SUPABASE_JWT_SECRET must have at least 32 characters", "invalid_config");
  }
  if (!auth.jwt_secret.empty() && auth.url.empty()) {
    throw core::InputError("SUPABASE_JWT_SECRET needs SUPABASE_URL (the tokens' issuer is <SUPABASE_URL>/auth/v1)",
                           "invalid_config");
  }
  auth.audience = read_string(env, "SUPABASE_JWT_AUDIENCE", auth.audience);
  auth.jwks_cache_seconds = read_int(env, "SUPABASE_JWKS_CACHE_SECONDS", auth.jwks_cache_seconds, 10, 86400);
  return auth;
}

}  // namespace server::config
