#pragma once

#include <memory>
#include <string_view>

#include "server/auth/jwks_cache.h"
#include "server/auth/token_verifier.h"
#include "server/config/supabase_auth.h"
#include "server/support/clock.h"

namespace server::auth {

/// A Supabase project's access-token verifier with its cache of signing keys, as SUPABASE_*
/// configure it: issuer "<SUPABASE_URL>/auth/v1", the configured audience and legacy secret,
/// keys kept for SUPABASE_JWKS_CACHE_SECONDS and refetched at most every 30 s. Thread-safe.
class SupabaseVerifier {
 public:
  /// Keys come from `fetch` (the JWKS client, or a test's); time from `clock`.
  SupabaseVerifier(const config::SupabaseAuth& settings,
                   JwksFetch fetch,
                   const support::Clock& clock = support::system_clock());

  /// The user `token` names; throws TokenRejected or KeysUnavailable (TokenVerifier::verify).
  AppUser verify(std::string_view token) const { return m_verifier.verify(token); }
  /// JWKS fetches attempted so far.
  int jwks_fetches() const { return m_keys.fetches(); }

 private:
  JwksCache m_keys;
  TokenVerifier m_verifier;
};

/// With SUPABASE_URL set: a verifier whose keys come from the project's JWKS endpoint over
/// HTTP(S) (clients::make_supabase_jwks_client); else null (no JWT is accepted).
std::unique_ptr<SupabaseVerifier>
make_supabase_verifier(const config::SupabaseAuth& settings,
                       const support::Clock& clock = support::system_clock());

}  // namespace server::auth
