#pragma once

#include <string>
#include <string_view>

#include <httplib.h>

#include "server/config/config.h"

namespace server::auth {
class SupabaseVerifier;
}

namespace server::http {

/// Who may call a route: anyone, the app or an editor, or editors only.
enum class Access { Public, App, Editor };

/// Who is calling, once authorised: the role, and the identity quotas count against.
struct Caller {
  config::Role role = config::Role::Editor;
  /// "key:<scope>" for an API key, "user:<sub>" for a Supabase user; empty in development mode
  /// (every caller is one) and on public routes. Rate limits and spend budgets count per id.
  std::string id;
  /// 16 hex digits naming the caller in its idempotency keys (caller_scope).
  std::string scope;
};

/// The caller of a route needing `access`, from `Authorization: Bearer <credential>`: one of the
/// configured API keys (compared with every key in constant time), else, with `app_tokens`
/// (SUPABASE_URL set) and a credential shaped like a JWT, a Supabase access token, which gives
/// the app role and the id "user:<sub>". In development mode everyone is an editor. Throws
/// core::Error "unauthorized" (401) without a valid key, auth::TokenRejected (401
/// "invalid_token") or auth::KeysUnavailable (503) for a token, "forbidden" (403) for a role
/// that may not call the route.
Caller authorize(const httplib::Request& request,
                 const config::Config& config,
                 Access access,
                 const auth::SupabaseVerifier* app_tokens = nullptr);

/// The key of `Authorization: Bearer <key>`; empty without the header or with another scheme.
std::string presented_api_key(const httplib::Request& request);

/// Equality whose time depends only on the lengths, never on where the strings differ.
bool constant_time_equals(std::string_view a, std::string_view b);

/// A stable, non-secret name for a credential: 16 hex digits of its SHA-256, the same on every
/// instance and useless for recovering the credential.
std::string caller_scope(std::string_view credential);

}  // namespace server::http
