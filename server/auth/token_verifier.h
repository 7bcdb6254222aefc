#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "server/auth/jwks_cache.h"
#include "server/support/clock.h"

namespace server::auth {

/// What a Supabase access token must say to be accepted.
struct TokenPolicy {
  std::string issuer;                      ///< "iss": "<SUPABASE_URL>/auth/v1"
  std::string audience = "authenticated";  ///< must be "aud" or one of its entries
  std::string hs256_secret;         ///< the legacy JWT secret; empty: HS256 tokens are refused
  std::chrono::seconds leeway{30};  ///< clock skew allowed on exp, nbf and iat
};

/// The signed-in user a valid token names.
struct AppUser {
  std::string subject;  ///< "sub": the user's id
};

/// True when `token` has the shape of a JWS compact serialisation: three base64url parts, the
/// first a JSON object ("eyJ..."). Says nothing about its validity.
bool looks_like_jwt(std::string_view token);

/**
 * Verifies Supabase Auth access tokens: the signature first (ES256 or RS256 with the key its
 * "kid" names in `keys`, bound to one algorithm; HS256 with the legacy secret when one is
 * configured; nothing else, "none" included), then the claims: exp (required), nbf and iat when
 * present, each with the policy's leeway; iss; aud; role "authenticated" (anon keys, service
 * keys and anonymous sign-ins are refused); sub. Time from `clock`. Thread-safe.
 */
class TokenVerifier {
 public:
  TokenVerifier(TokenPolicy policy,
                KeySource& keys,
                const support::Clock& clock = support::system_clock());

  /// The user `token` names. Throws TokenRejected saying why (never quoting the token), or
  /// KeysUnavailable when the signing keys cannot be had.
  AppUser verify(std::string_view token) const;

 private:
  void check_signature(const std::string& header_json,
                       std::string_view signed_data,
                       std::string_view signature) const;
  AppUser check_claims(const std::string& payload_json) const;

  TokenPolicy m_policy;
  KeySource& m_keys;
  const support::Clock& m_clock;
};

}  // namespace server::auth
