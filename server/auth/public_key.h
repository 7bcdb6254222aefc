#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY, kept out of this header

namespace server::auth {

/// The JWS algorithms accepted (RFC 7518 names): what Supabase Auth signs with.
enum class JwsAlgorithm { Hs256, Es256, Rs256 };

/// The algorithm `name` ("HS256", "ES256", "RS256"); nullopt for any other ("none" included).
std::optional<JwsAlgorithm> jws_algorithm_from(std::string_view name);
/// The RFC 7518 name of `algorithm`.
const char* to_string(JwsAlgorithm algorithm);

/// An asymmetric public key from a JWK, bound to the one algorithm it verifies (ES256 for an EC
/// P-256 key, RS256 for an RSA key of 2048 bits or more). Immutable; verifies from any thread.
class PublicKey {
 public:
  /// The key a JWK describes. Throws core::InputError saying why it is unusable: another key
  /// type or curve, a JWK "alg" that disagrees with the key, "use" other than "sig", a point off
  /// the curve, an RSA modulus under 2048 bits.
  static std::shared_ptr<const PublicKey> from_jwk(const nlohmann::json& jwk);

  /// The one algorithm this key verifies.
  JwsAlgorithm algorithm() const { return m_algorithm; }
  /// True when `signature` (as the JWS carries it: raw r||s for ES256) signs `signed_data`.
  bool verifies(std::string_view signed_data, std::string_view signature) const;

  PublicKey(JwsAlgorithm algorithm, evp_pkey_st* key);
  ~PublicKey();
  PublicKey(const PublicKey&) = delete;
  PublicKey& operator=(const PublicKey&) = delete;

 private:
  JwsAlgorithm m_algorithm;
  evp_pkey_st* m_key;
};

/// True when `signature` is the HMAC-SHA256 of `signed_data` under `secret`; compared in
/// constant time.
bool hs256_verifies(std::string_view secret,
                    std::string_view signed_data,
                    std::string_view signature);

}  // namespace server::auth
