#include "server/config/supabase_auth.h"

#include <algorithm>
#include <cctype>

#include "server/support/base_url.h"
#include "shared/errors.h"

namespace server::config {
namespace {

// Supabase's legacy secrets are 40 characters or more; a short one could be guessed offline
// from any token it signed.
constexpr std::size_t kMinSecretLength = 32;

// The host[:port] of a base URL is a DNS name or an address: a placeholder left in a deploy
// manifest ("https://<project-ref>.supabase.co") stops the server at start, not at the first
// signed-in request.
bool plain_host(const std::string& origin) {
  const std::string host = origin.substr(origin.find("://") + 3);
  return std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':';
  });
}

}  // namespace

SupabaseAuth read_supabase_auth(const Environment& env) {
  SupabaseAuth auth;
  auth.url = read_string(env, "SUPABASE_URL", "");
  while (auth.url.ends_with('/')) auth.url.pop_back();
  if (!auth.url.empty()) {
    try {
      if (!plain_host(support::split_base_url(auth.url).origin)) {
        throw core::InputError(
            "\"" + auth.url +
            "\" has no plain host name: set the project's URL, e.g. https://abcd.supabase.co");
      }
    } catch (const core::InputError& e) {
      throw core::InputError(std::string("SUPABASE_URL: ") + e.what(), "invalid_config");
    }
  }
  auth.jwt_secret = read_string(env, "SUPABASE_JWT_SECRET", "");
  if (!auth.jwt_secret.empty() && auth.jwt_secret.size() < kMinSecretLength) {
    throw core::InputError("SUPABASE_JWT_SECRET must have at least 32 characters",
                           "invalid_config");
  }
  if (!auth.jwt_secret.empty() && auth.url.empty()) {
    throw core::InputError(
        "SUPABASE_JWT_SECRET needs SUPABASE_URL (the tokens' issuer is <SUPABASE_URL>/auth/v1)",
        "invalid_config");
  }
  auth.audience = read_string(env, "SUPABASE_JWT_AUDIENCE", auth.audience);
  auth.jwks_cache_seconds =
      read_int(env, "SUPABASE_JWKS_CACHE_SECONDS", auth.jwks_cache_seconds, 30, 86400);
  return auth;
}

}  // namespace server::config
