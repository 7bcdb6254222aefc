#pragma once

#include <string>

#include "server/config/env_reader.h"

namespace server::config {

/// App users signing in with Supabase Auth (README "Signing in with Supabase Auth"): their access
/// tokens are accepted as app credentials when `url` is set, and not at all otherwise.
struct SupabaseAuth {
  std::string url;  ///< SUPABASE_URL, without a trailing '/'; empty: no JWT is accepted
  std::string
      jwt_secret;  ///< SUPABASE_JWT_SECRET, the legacy HS256 secret; empty: HS256 is refused
  std::string audience = "authenticated";  ///< SUPABASE_JWT_AUDIENCE
  int jwks_cache_seconds = 600;            ///< SUPABASE_JWKS_CACHE_SECONDS

  /// True when access tokens are accepted.
  bool enabled() const { return !url.empty(); }
  /// The "iss" of the project's tokens: "<url>/auth/v1".
  std::string issuer() const { return url + "/auth/v1"; }
};

/// Reads the SUPABASE_* variables. Throws core::InputError naming a bad one (never quoting the
/// secret): a URL that is not http(s)://host[:port][/path], a secret under 32 characters, or a
/// secret without SUPABASE_URL (its tokens' issuer would be unknown).
SupabaseAuth read_supabase_auth(const Environment& env);

}  // namespace server::config
