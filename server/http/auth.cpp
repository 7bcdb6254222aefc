#include "server/http/auth.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include <openssl/evp.h>

#include "server/auth/supabase_verifier.h"
#include "shared/errors.h"

namespace server::http {
namespace {

constexpr std::size_t kScopeBytes = 8;  // 16 hex digits

// The scope of a Supabase user: a NUL (which no API key can hold: keys come from an environment
// variable) keeps it apart from the scope of any key.
std::string user_scope(const std::string& subject) {
  return caller_scope(std::string("supabase-user") + '\0' + subject);
}

Caller app_user(const std::string& token, const auth::SupabaseVerifier& app_tokens, Access access) {
  const auth::AppUser user = app_tokens.verify(token);
  if (access == Access::Editor) {
    throw core::Error("forbidden",
                      "this route is for editors; an app user's access token has the app role");
  }
  return Caller{config::Role::App, "user:" + user.subject, user_scope(user.subject)};
}

}  // namespace

bool constant_time_equals(std::string_view a, std::string_view b) {
  unsigned char difference = a.size() == b.size() ? 0 : 1;
  const std::size_t length = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < length; ++i) {
    const auto x = static_cast<unsigned char>(i < a.size() ? a[i] : 0);
    const auto y = static_cast<unsigned char>(i < b.size() ? b[i] : 0);
    difference = static_cast<unsigned char>(difference | (x ^ y));
  }
  return difference == 0;
}

std::string caller_scope(std::string_view credential) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(
          credential.data(), credential.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
      1) {
    throw std::runtime_error("SHA-256 is unavailable");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string scope;
  for (std::size_t i = 0; i < kScopeBytes; ++i) {
    scope += kHex[digest[i] >> 4];
    scope += kHex[digest[i] & 0x0f];
  }
  return scope;
}

std::string presented_api_key(const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  return header.starts_with(kBearer) ? header.substr(kBearer.size()) : "";
}

Caller authorize(const httplib::Request& request,
                 const config::Config& config,
                 Access access,
                 const auth::SupabaseVerifier* app_tokens) {
  if (access == Access::Public) return Caller{};
  if (config.development_mode()) return Caller{config::Role::Editor, "", caller_scope("")};
  const std::string presented = presented_api_key(request);
  if (presented.empty()) {
    throw core::Error("unauthorized",
                      "this route needs an API key or a signed-in user's access token: send "
                      "Authorization: Bearer <credential>");
  }
  // Compare with every key, always: the time taken says nothing about which key nearly matched.
  bool found = false;
  config::Role role = config::Role::App;
  for (const auto& [key, key_role] : config.api_keys) {
    if (constant_time_equals(presented, key)) {
      found = true;
      role = key_role;
    }
  }
  if (!found) {
    const bool token = auth::looks_like_jwt(presented);
    if (token && app_tokens) return app_user(presented, *app_tokens, access);
    throw core::Error("unauthorized",
                      token ? "the API key is not valid (this server accepts no access tokens: "
                              "SUPABASE_URL is unset)"
                            : "the API key is not valid");
  }
  if (access == Access::Editor && role != config::Role::Editor) {
    throw core::Error("forbidden", "this route is for editors; the key's role is app");
  }
  const std::string scope = caller_scope(presented);
  return Caller{role, "key:" + scope, scope};
}

}  // namespace server::http
