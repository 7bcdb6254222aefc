// Signatures are checked with OpenSSL 3 directly, not Debian 12's libjwt-dev (1.10.2): that
// version takes PEM keys only, so the JWKS would need converting anyway, and it picks the
// verification from the token's own "alg", so an HS256 token "signed" with a public key's bytes
// passes unless every caller re-checks the algorithm. Here a key is bound to its one algorithm
// when it is read, and OpenSSL (already linked for the idempotency scopes) does the arithmetic.
#include "server/auth/public_key.h"

#include <array>
#include <memory>

#include <nlohmann/json.hpp>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/param_build.h>

#include "server/auth/base64url.h"
#include "shared/errors.h"

namespace server::auth {
namespace {

constexpr std::size_t kP256CoordinateBytes = 32;
constexpr int kMinRsaBits = 2048;

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* pointer) const { Free(pointer); }
};
using BigNum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using EcdsaSignature = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

[[noreturn]] void unusable(const std::string& why) {
  throw core::InputError("unusable JWK: " + why);
}

// A base64url member of a JWK, decoded.
std::string member_bytes(const nlohmann::json& jwk, const char* name) {
  const auto it = jwk.find(name);
  if (it == jwk.end() || !it->is_string()) unusable(std::string("no \"") + name + "\"");
  const auto bytes = base64url_decode(it->get<std::string>());
  if (!bytes || bytes->empty()) unusable(std::string("\"") + name + "\" is not base64url");
  return *bytes;
}

// The key OpenSSL builds from `params` for `type` ("RSA", "EC"), checked to be a valid public key
// (for EC: the point lies on the curve).
Key key_from_params(const char* type, const OSSL_PARAM* params) {
  const KeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
      EVP_PKEY_fromdata(
          context.get(), &raw, EVP_PKEY_PUBLIC_KEY, const_cast<OSSL_PARAM*>(params)) != 1) {
    unusable(std::string("OpenSSL refused the ") + type + " key");
  }
  Key key(raw);
  const KeyContext check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1)
    unusable(std::string("not a valid ") + type + " public key");
  return key;
}

Key rsa_key(const nlohmann::json& jwk) {
  const std::string n = member_bytes(jwk, "n");
  const std::string e = member_bytes(jwk, "e");
  const BigNum modulus(BN_bin2bn(
      reinterpret_cast<const unsigned char*>(n.data()), static_cast<int>(n.size()), nullptr));
  const BigNum exponent(BN_bin2bn(
      reinterpret_cast<const unsigned char*>(e.data()), static_cast<int>(e.size()), nullptr));
  if (!modulus || !exponent) unusable("RSA numbers");
  if (BN_num_bits(modulus.get()) < kMinRsaBits) unusable("RSA modulus shorter than 2048 bits");
  const ParamBuilder builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1) {
    unusable("RSA parameters");
  }
  const Params params(OSSL_PARAM_BLD_to_param(builder.get()));
  if (!params) unusable("RSA parameters");
  return key_from_params("RSA", params.get());
}

Key p256_key(const nlohmann::json& jwk) {
  if (jwk.value("crv", "") != "P-256") unusable("an EC key on a curve other than P-256");
  const std::string x = member_bytes(jwk, "x");
  const std::string y = member_bytes(jwk, "y");
  if (x.size() != kP256CoordinateBytes || y.size() != kP256CoordinateBytes)
    unusable("P-256 coordinates of 32 bytes");
  std::string point = "\x04" + x + y;  // SEC 1 uncompressed point
  const ParamBuilder builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) !=
          1 ||
      OSSL_PARAM_BLD_push_octet_string(
          builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1) {
    unusable("EC parameters");
  }
  const Params params(OSSL_PARAM_BLD_to_param(builder.get()));
  if (!params) unusable("EC parameters");
  return key_from_params("EC", params.get());
}

// ES256 signatures are r||s, 32 bytes each (RFC 7518 §3.4); OpenSSL verifies DER ECDSA-Sig-Value.
std::string es256_to_der(std::string_view signature) {
  if (signature.size() != 2 * kP256CoordinateBytes) return {};
  const auto* bytes = reinterpret_cast<const unsigned char*>(signature.data());
  BigNum r(BN_bin2bn(bytes, kP256CoordinateBytes, nullptr));
  BigNum s(BN_bin2bn(bytes + kP256CoordinateBytes, kP256CoordinateBytes, nullptr));
  EcdsaSignature sig(ECDSA_SIG_new());
  if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) return {};
  r.release();  // owned by sig now
  s.release();
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(sig.get(), &der);
  if (length <= 0) return {};
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

}  // namespace

std::optional<JwsAlgorithm> jws_algorithm_from(std::string_view name) {
  if (name == "HS256") return JwsAlgorithm::Hs256;
  if (name == "ES256") return JwsAlgorithm::Es256;
  if (name == "RS256") return JwsAlgorithm::Rs256;
  return std::nullopt;
}

const char* to_string(JwsAlgorithm algorithm) {
  switch (algorithm) {
  case JwsAlgorithm::Hs256: return "HS256";
  case JwsAlgorithm::Es256: return "ES256";
  case JwsAlgorithm::Rs256: return "RS256";
  }
  return "?";
}

PublicKey::PublicKey(JwsAlgorithm algorithm, evp_pkey_st* key)
    : m_algorithm(algorithm), m_key(key) {}

PublicKey::~PublicKey() {
  EVP_PKEY_free(m_key);
}

std::shared_ptr<const PublicKey> PublicKey::from_jwk(const nlohmann::json& jwk) {
  if (!jwk.is_object()) unusable("not an object");
  if (jwk.contains("use") && jwk["use"] != "sig") unusable("\"use\" is not \"sig\"");
  const std::string type = jwk.value("kty", "");
  // The key type alone decides the algorithm; a JWK "alg" may only confirm it. An RSA key is
  // never an HMAC secret, whatever a token's header says.
  JwsAlgorithm algorithm = JwsAlgorithm::Es256;
  Key key;
  if (type == "EC") {
    algorithm = JwsAlgorithm::Es256;
    key = p256_key(jwk);
  } else if (type == "RSA") {
    algorithm = JwsAlgorithm::Rs256;
    key = rsa_key(jwk);
  } else {
    unusable("key type \"" + type + "\" (only EC P-256 and RSA)");
  }
  if (jwk.contains("alg") && jwk["alg"] != to_string(algorithm)) {
    unusable(std::string("\"alg\" disagrees with the key type (expected ") + to_string(algorithm) +
             ")");
  }
  return std::make_shared<const PublicKey>(algorithm, key.release());
}

bool PublicKey::verifies(std::string_view signed_data, std::string_view signature) const {
  std::string der;
  if (m_algorithm == JwsAlgorithm::Es256) {
    der = es256_to_der(signature);
    if (der.empty()) return false;
    signature = der;
  }
  const DigestContext context(EVP_MD_CTX_new());
  // RS256 is RSASSA-PKCS1-v1_5, OpenSSL's default padding for an RSA key.
  if (!context || EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key) != 1)
    return false;
  return EVP_DigestVerify(context.get(),
                          reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(),
                          reinterpret_cast<const unsigned char*>(signed_data.data()),
                          signed_data.size()) == 1;
}

bool hs256_verifies(std::string_view secret,
                    std::string_view signed_data,
                    std::string_view signature) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  if (HMAC(EVP_sha256(),
           secret.data(),
           static_cast<int>(secret.size()),
           reinterpret_cast<const unsigned char*>(signed_data.data()),
           signed_data.size(),
           mac.data(),
           &length) == nullptr) {
    return false;
  }
  return signature.size() == length && CRYPTO_memcmp(mac.data(), signature.data(), length) == 0;
}

}  // namespace server::auth
