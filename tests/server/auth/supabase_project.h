#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/auth/supabase_verifier.h"
#include "server/clients/jwks_client.h"
#include "server/support/clock.h"
#include "tests/fakes/fake_jwks.h"
#include "tests/support/jwt_tokens.h"

namespace narrando::testing {

/// The legacy JWT secret of the fake project.
inline const std::string kJwtSecret = "legacy-jwt-secret-0123456789abcdefghijklmn";

/// A Supabase project as the verifier sees it, faked: its JWKS endpoint on loopback serving an
/// EC and an RSA key, its legacy secret, and a manual clock the tokens are minted against.
struct SupabaseProject {
  FakeJwks jwks;
  TestSigningKey ec = TestSigningKey::ec("ec-key-1");
  TestSigningKey rsa = TestSigningKey::rsa("rsa-key-1");
  server::support::ManualClock clock;
  std::mutex sleeps_mutex;
  std::vector<std::chrono::milliseconds> sleeps;  ///< the JWKS client's retry delays (never slept)

  SupabaseProject() { jwks.serve(jwks_of({&ec, &rsa})); }

  /// SUPABASE_* for this project (with the legacy secret unless `secret` is false).
  server::config::SupabaseAuth settings(bool secret = true) const {
    server::config::SupabaseAuth auth;
    auth.url = jwks.supabase_url();
    if (secret) auth.jwt_secret = kJwtSecret;
    return auth;
  }

  /// Fetches this project's JWKS over HTTP, retrying without sleeping.
  server::auth::JwksFetch fetcher() {
    std::shared_ptr<server::clients::JwksClient> client =
        server::clients::make_supabase_jwks_client(jwks.supabase_url(),
                                                   [this](std::chrono::milliseconds delay) {
                                                     std::lock_guard lock(sleeps_mutex);
                                                     sleeps.push_back(delay);
                                                   });
    return [client] { return client->fetch(); };
  }

  /// A verifier of `auth`'s tokens whose keys come from fetcher(), on `clock`.
  std::unique_ptr<server::auth::SupabaseVerifier>
  verifier(const server::config::SupabaseAuth& auth) {
    return std::make_unique<server::auth::SupabaseVerifier>(auth, fetcher(), clock);
  }

  /// The claims of a signed-in user's access token, issued now for an hour.
  nlohmann::json claims(const std::string& subject = "5b0f3c1e-0000-4000-8000-000000000001") const {
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
    return {{"iss", jwks.issuer()},
            {"aud", "authenticated"},
            {"exp", now + 3600},
            {"iat", now},
            {"sub", subject},
            {"role", "authenticated"},
            {"aal", "aal1"},
            {"session_id", "s-1"},
            {"is_anonymous", false}};
  }
};

}  // namespace narrando::testing
