#pragma once

#include <chrono>
#include <string>

#include "shared/errors.h"

namespace server::auth {

/// A bearer token read as a Supabase access token was refused; the message says why (expired,
/// bad signature, wrong audience...) and never quotes the token. HTTP 401, code "invalid_token".
class TokenRejected : public core::Error {
 public:
  explicit TokenRejected(const std::string& reason) : core::Error("invalid_token", reason) {}
};

/// The project's signing keys cannot be had (the JWKS endpoint is down and no cached key fits):
/// the token may well be valid, so this is the server's failure, not the caller's. HTTP 503,
/// code "auth_unavailable", with Retry-After.
class KeysUnavailable : public core::Error {
 public:
  KeysUnavailable(const std::string& message, std::chrono::seconds retry_after)
      : core::Error("auth_unavailable", message), m_retry_after(retry_after) {}
  /// When a new fetch of the keys may be tried.
  std::chrono::seconds retry_after() const noexcept { return m_retry_after; }

 private:
  std::chrono::seconds m_retry_after;
};

}  // namespace server::auth
