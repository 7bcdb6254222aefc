#include "tests/support/jwt_tokens.h"

#include <array>
#include <stdexcept>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "server/auth/base64url.h"

namespace narrando::testing {
namespace {

using server::auth::base64url_encode;

void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("OpenSSL failed: ") + what);
}

// A BIGNUM parameter of `key`, big-endian, left-padded to `width` bytes (0: its natural size).
std::string big_number(EVP_PKEY* key, const char* name, int width = 0) {
  BIGNUM* number = nullptr;
  require(EVP_PKEY_get_bn_param(key, name, &number) == 1, name);
  const int size = width > 0 ? width : BN_num_bytes(number);
  std::string out(static_cast<std::size_t>(size), '\0');
  require(BN_bn2binpad(number, reinterpret_cast<unsigned char*>(out.data()), size) == size,
          "BN_bn2binpad");
  BN_free(number);
  return out;
}

std::string sign_digest(EVP_PKEY* key, const std::string& data) {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  require(EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key) == 1,
          "EVP_DigestSignInit");
  std::size_t length = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
  require(EVP_DigestSign(context, nullptr, &length, bytes, data.size()) == 1,
          "EVP_DigestSign (size)");
  std::string signature(length, '\0');
  require(EVP_DigestSign(context,
                         reinterpret_cast<unsigned char*>(signature.data()),
                         &length,
                         bytes,
                         data.size()) == 1,
          "EVP_DigestSign");
  EVP_MD_CTX_free(context);
  signature.resize(length);
  return signature;
}

// OpenSSL's DER ECDSA-Sig-Value as JWS writes it: r||s, 32 bytes each.
std::string der_to_raw(const std::string& der) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size()));
  require(sig != nullptr, "d2i_ECDSA_SIG");
  std::string raw(64, '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  require(BN_bn2binpad(ECDSA_SIG_get0_r(sig), out, 32) == 32 &&
              BN_bn2binpad(ECDSA_SIG_get0_s(sig), out + 32, 32) == 32,
          "r||s");
  ECDSA_SIG_free(sig);
  return raw;
}

std::string signing_input(const nlohmann::json& header, const nlohmann::json& claims) {
  return base64url_encode(header.dump()) + "." + base64url_encode(claims.dump());
}

}  // namespace

TestSigningKey::TestSigningKey(std::string kid, std::string alg, evp_pkey_st* key)
    : m_kid(std::move(kid)), m_alg(std::move(alg)), m_key(key, EVP_PKEY_free) {
  require(key != nullptr, "key generation");
}

TestSigningKey TestSigningKey::ec(std::string kid) {
  return TestSigningKey(std::move(kid), "ES256", EVP_EC_gen("P-256"));
}

TestSigningKey TestSigningKey::rsa(std::string kid) {
  return TestSigningKey(std::move(kid), "RS256", EVP_RSA_gen(2048));
}

nlohmann::json TestSigningKey::jwk() const {
  nlohmann::json jwk{
      {"kid", m_kid}, {"alg", m_alg}, {"use", "sig"}, {"key_ops", {"verify"}}, {"ext", true}};
  if (m_alg == "ES256") {
    jwk["kty"] = "EC";
    jwk["crv"] = "P-256";
    jwk["x"] = base64url_encode(big_number(m_key.get(), OSSL_PKEY_PARAM_EC_PUB_X, 32));
    jwk["y"] = base64url_encode(big_number(m_key.get(), OSSL_PKEY_PARAM_EC_PUB_Y, 32));
  } else {
    jwk["kty"] = "RSA";
    jwk["n"] = base64url_encode(big_number(m_key.get(), OSSL_PKEY_PARAM_RSA_N));
    jwk["e"] = base64url_encode(big_number(m_key.get(), OSSL_PKEY_PARAM_RSA_E));
  }
  return jwk;
}

std::string TestSigningKey::public_pem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  require(PEM_write_bio_PUBKEY(bio, m_key.get()) == 1, "PEM_write_bio_PUBKEY");
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(length));
  BIO_free(bio);
  return pem;
}

std::string TestSigningKey::sign(const nlohmann::json& claims, const nlohmann::json& header) const {
  nlohmann::json full{{"alg", m_alg}, {"typ", "JWT"}, {"kid", m_kid}};
  full.update(header);
  const std::string input = signing_input(full, claims);
  std::string signature = sign_digest(m_key.get(), input);
  if (m_alg == "ES256") signature = der_to_raw(signature);
  return input + "." + base64url_encode(signature);
}

std::string
sign_hs256(const nlohmann::json& claims, const std::string& secret, const nlohmann::json& header) {
  nlohmann::json full{{"alg", "HS256"}, {"typ", "JWT"}};
  full.update(header);
  const std::string input = signing_input(full, claims);
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  require(HMAC(EVP_sha256(),
               secret.data(),
               static_cast<int>(secret.size()),
               reinterpret_cast<const unsigned char*>(input.data()),
               input.size(),
               mac.data(),
               &length) != nullptr,
          "HMAC");
  return input + "." +
         base64url_encode(std::string(reinterpret_cast<const char*>(mac.data()), length));
}

std::string assemble_token(const nlohmann::json& header,
                           const nlohmann::json& claims,
                           const std::string& signature) {
  return signing_input(header, claims) + "." + base64url_encode(signature);
}

std::string jwks_of(const std::vector<const TestSigningKey*>& keys) {
  nlohmann::json document{{"keys", nlohmann::json::array()}};
  for (const TestSigningKey* key : keys) document["keys"].push_back(key->jwk());
  return document.dump();
}

}  // namespace narrando::testing
