#include "server/auth/token_verifier.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <nlohmann/json.hpp>

#include "server/auth/auth_errors.h"
#include "server/auth/base64url.h"

namespace server::auth {
namespace {

// Supabase access tokens are well under 2 KB; a bound keeps decoding cheap for junk.
constexpr std::size_t kMaxTokenBytes = 16 * 1024;
constexpr std::size_t kMaxSubjectLength = 255;

struct Parts {
  std::string_view header;
  std::string_view payload;
  std::string_view signature;
  std::string_view signed_data;  // header '.' payload: what the signature covers
};

std::optional<Parts> split(std::string_view token) {
  const std::size_t first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const std::size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
    return std::nullopt;
  return Parts{token.substr(0, first),
               token.substr(first + 1, second - first - 1),
               token.substr(second + 1),
               token.substr(0, second)};
}

std::string decode(std::string_view part, const char* what) {
  auto bytes = base64url_decode(part);
  if (!bytes)
    throw TokenRejected(std::string("malformed token: its ") + what + " is not base64url");
  return std::move(*bytes);
}

nlohmann::json parse_object(const std::string& text, const char* what) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    throw TokenRejected(std::string("malformed token: its ") + what + " is not a JSON object");
  }
  return json;
}

// A NumericDate claim (seconds since the epoch), if present.
std::optional<double> numeric_date(const nlohmann::json& claims, const char* name) {
  const auto it = claims.find(name);
  if (it == claims.end()) return std::nullopt;
  if (!it->is_number() || !std::isfinite(it->get<double>())) {
    throw TokenRejected(std::string("the \"") + name + "\" claim is not a number of seconds");
  }
  return it->get<double>();
}

std::string utc(double seconds) {
  return support::to_iso8601(std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::duration<double>(seconds))));
}

bool audience_matches(const nlohmann::json& claims, const std::string& audience) {
  const auto it = claims.find("aud");
  if (it == claims.end()) return false;
  if (it->is_string()) return *it == audience;
  if (!it->is_array()) return false;
  for (const auto& entry : *it) {
    if (entry.is_string() && entry == audience) return true;
  }
  return false;
}

void check_times(const nlohmann::json& claims, double now, double leeway) {
  const auto expires = numeric_date(claims, "exp");
  if (!expires) throw TokenRejected("the token has no expiry (\"exp\")");
  if (now > *expires + leeway) {
    throw TokenRejected("the access token expired at " + utc(*expires) +
                        ": refresh the session and send the new one");
  }
  if (const auto not_before = numeric_date(claims, "nbf");
      not_before && now + leeway < *not_before) {
    throw TokenRejected("the token is not valid before " + utc(*not_before) +
                        " (check the device clock)");
  }
  if (const auto issued = numeric_date(claims, "iat"); issued && now + leeway < *issued) {
    throw TokenRejected("the token was issued in the future (" + utc(*issued) +
                        "; check the device clock)");
  }
}

void check_role(const nlohmann::json& claims) {
  const std::string role = claims.contains("role") && claims["role"].is_string()
                               ? claims["role"].get<std::string>()
                               : "";
  if (role == "anon") {
    throw TokenRejected(
        "anonymous tokens (role \"anon\", such as the project's anon key) are not accepted: "
        "send a signed-in user's access token");
  }
  if (role != "authenticated") {
    throw TokenRejected(
        "only signed-in users' tokens (role \"authenticated\") are accepted" +
        (role.empty() ? std::string(": the token has no role") : ", not role \"" + role + "\""));
  }
  // An anonymous sign-in is "authenticated" too, but anyone can make any number of them, which
  // would make per-user quotas per request: such users must link an account first.
  const auto anonymous = claims.find("is_anonymous");
  if (anonymous != claims.end() && anonymous->is_boolean() && anonymous->get<bool>()) {
    throw TokenRejected(
        "anonymous sign-ins are not accepted: the user must sign in with an account");
  }
}

std::string subject_of(const nlohmann::json& claims) {
  const auto it = claims.find("sub");
  if (it == claims.end() || !it->is_string() || it->get<std::string>().empty()) {
    throw TokenRejected("the token names no user (no \"sub\")");
  }
  const std::string subject = it->get<std::string>();
  const bool printable =
      std::all_of(subject.begin(), subject.end(), [](char c) { return c > 0x20 && c < 0x7f; });
  if (subject.size() > kMaxSubjectLength || !printable)
    throw TokenRejected("the token's \"sub\" is not a user id");
  return subject;
}

}  // namespace

bool looks_like_jwt(std::string_view token) {
  const auto parts = split(token);
  return parts && token.starts_with("eyJ") && !parts->payload.empty() &&
         token.size() <= kMaxTokenBytes;
}

TokenVerifier::TokenVerifier(TokenPolicy policy, KeySource& keys, const support::Clock& clock)
    : m_policy(std::move(policy)), m_keys(keys), m_clock(clock) {}

AppUser TokenVerifier::verify(std::string_view token) const {
  if (token.size() > kMaxTokenBytes)
    throw TokenRejected("malformed token: longer than any access token");
  const auto parts = split(token);
  if (!parts) throw TokenRejected("malformed token: a JWT has three parts separated by dots");
  const std::string signature = decode(parts->signature, "signature");
  check_signature(decode(parts->header, "header"), parts->signed_data, signature);
  // The claims are read only once the signature has vouched for them.
  return check_claims(decode(parts->payload, "payload"));
}

void TokenVerifier::check_signature(const std::string& header_json,
                                    std::string_view signed_data,
                                    std::string_view signature) const {
  const nlohmann::json header = parse_object(header_json, "header");
  if (header.contains("crit"))
    throw TokenRejected("the token has critical header parameters this server does not know");
  const std::string name =
      header.contains("alg") && header["alg"].is_string() ? header["alg"].get<std::string>() : "";
  const auto algorithm = jws_algorithm_from(name);
  if (!algorithm) {
    throw TokenRejected(name == "none" || name.empty()
                            ? "unsigned tokens (alg \"none\") are not accepted"
                            : "the signing algorithm \"" + name +
                                  "\" is not accepted (ES256, RS256 or HS256)");
  }
  if (*algorithm == JwsAlgorithm::Hs256) {
    // Only ever the configured secret: never a public key's bytes, whatever the header names.
    if (m_policy.hs256_secret.empty()) {
      throw TokenRejected("HS256 tokens are not accepted: this server has no legacy JWT secret "
                          "(SUPABASE_JWT_SECRET)");
    }
    if (!hs256_verifies(m_policy.hs256_secret, signed_data, signature)) {
      throw TokenRejected("bad signature: the token was not signed with the project's JWT secret");
    }
    return;
  }
  const std::string kid =
      header.contains("kid") && header["kid"].is_string() ? header["kid"].get<std::string>() : "";
  if (kid.empty()) throw TokenRejected("the token names no signing key (no \"kid\")");
  const auto key = m_keys.find(kid);
  if (!key)
    throw TokenRejected(
        "unknown signing key: the project publishes no key with the token's \"kid\"");
  if (key->algorithm() != *algorithm) {
    throw TokenRejected("the token's algorithm " + name + " does not match its signing key (" +
                        to_string(key->algorithm()) + ")");
  }
  if (!key->verifies(signed_data, signature))
    throw TokenRejected("bad signature: the token does not verify with its signing key");
}

AppUser TokenVerifier::check_claims(const std::string& payload_json) const {
  const nlohmann::json claims = parse_object(payload_json, "payload");
  const double now = std::chrono::duration<double>(m_clock.now().time_since_epoch()).count();
  check_times(claims, now, static_cast<double>(m_policy.leeway.count()));
  if (!claims.contains("iss") || claims["iss"] != m_policy.issuer) {
    throw TokenRejected("wrong issuer: the token was not issued by this project's Supabase Auth (" +
                        m_policy.issuer + ")");
  }
  if (!audience_matches(claims, m_policy.audience)) {
    throw TokenRejected("wrong audience: the token is not for \"" + m_policy.audience + "\"");
  }
  check_role(claims);
  return AppUser{subject_of(claims)};
}

}  // namespace server::auth
