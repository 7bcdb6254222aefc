#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct evp_pkey_st;

namespace narrando::testing {

/// A key pair made for one test (EC P-256 or RSA 2048), to sign tokens as Supabase Auth would
/// and to publish its public half in a JWKS.
class TestSigningKey {
 public:
  /// A new EC P-256 key (ES256) named `kid`.
  static TestSigningKey ec(std::string kid);
  /// A new RSA 2048 key (RS256) named `kid`.
  static TestSigningKey rsa(std::string kid);

  /// The public JWK: kid, kty, alg, use and the key's numbers.
  nlohmann::json jwk() const;
  /// The public key as PEM text (what an HS256 confusion attack would use as its secret).
  std::string public_pem() const;
  /// A compact JWS of `claims`, with a header of this key's alg and kid and then `header`'s
  /// members (which may replace them).
  std::string sign(const nlohmann::json& claims,
                   const nlohmann::json& header = nlohmann::json::object()) const;
  const std::string& kid() const { return m_kid; }

 private:
  TestSigningKey(std::string kid, std::string alg, evp_pkey_st* key);
  std::string m_kid;
  std::string m_alg;
  std::shared_ptr<evp_pkey_st> m_key;
};

/// A compact JWS of `claims` signed HS256 with `secret`; `header` members are added to
/// {"alg": "HS256", "typ": "JWT"}.
std::string sign_hs256(const nlohmann::json& claims,
                       const std::string& secret,
                       const nlohmann::json& header = nlohmann::json::object());

/// header.payload.signature from the given parts (the signature as raw bytes): for tokens no
/// honest signer makes.
std::string assemble_token(const nlohmann::json& header,
                           const nlohmann::json& claims,
                           const std::string& signature);

/// A JWKS document of the keys' public halves.
std::string jwks_of(const std::vector<const TestSigningKey*>& keys);

}  // namespace narrando::testing
