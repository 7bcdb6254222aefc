#include "server/http/idempotency.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include <openssl/evp.h>

#include "server/http/auth.h"
#include "server/http/request_context.h"
#include "shared/errors.h"

namespace server::http {
namespace {

constexpr std::size_t kScopeDigits = 16;
constexpr std::size_t kMaxKeyLength = 255;

// A stable, non-secret name for a caller: the same on every instance, and useless for recovering
// the API key it is derived from.
std::string caller_scope(const std::string& api_key) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(api_key.data(), api_key.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 is unavailable");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string scope;
  for (std::size_t i = 0; i < kScopeDigits / 2; ++i) {
    scope += kHex[digest[i] >> 4];
    scope += kHex[digest[i] & 0x0f];
  }
  return scope;
}

}  // namespace

std::string scoped_idempotency_key(const httplib::Request& request, const config::Config& config) {
  // httplib drops a header sent with no value; the front door noted it (RequestContext).
  const std::vector<std::string>& empty = RequestContext::current().empty_headers;
  const bool sent_empty = std::find(empty.begin(), empty.end(), "idempotency-key") != empty.end();
  if (!request.has_header("Idempotency-Key") && !sent_empty) return "";
  std::string key = request.get_header_value("Idempotency-Key");
  key.erase(0, key.find_first_not_of(" \t"));
  key.erase(key.find_last_not_of(" \t") + 1);
  if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
  const bool printable = std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
  if (key.empty() || key.size() > kMaxKeyLength || !printable) {
    throw core::InputError("Idempotency-Key must be 1 to " + std::to_string(kMaxKeyLength) +
                           " printable ASCII characters");
  }
  // In development mode every caller is one, whatever it sends.
  return caller_scope(config.development_mode() ? "" : presented_api_key(request)) + ":" + key;
}

std::string api_key_caller(const httplib::Request& request, const config::Config& config) {
  return config.development_mode() ? "" : "key:" + caller_scope(presented_api_key(request));
}

std::string client_idempotency_key(const std::string& scoped) {
  const bool is_scoped = scoped.size() > kScopeDigits && scoped[kScopeDigits] == ':' &&
                         std::all_of(scoped.begin(), scoped.begin() + kScopeDigits,
                                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  return is_scoped ? scoped.substr(kScopeDigits + 1) : scoped;
}

}  // namespace server::http
