#pragma once

#include <string>
#include <string_view>

#include <httplib.h>

#include "server/config/config.h"

namespace server::http {

/// Who may call a route: anyone, the app or an editor, or editors only.
enum class Access { Public, App, Editor };

/// The caller's role for a route needing `access`: from `Authorization: Bearer <key>`, compared
/// with every configured key in constant time. In development mode (no keys) everyone is an
/// editor. Throws core::Error "unauthorized" (401) without a valid key, "forbidden" (403) for a
/// role that may not call the route.
config::Role authorize(const httplib::Request& request, const config::Config& config, Access access);

/// The key of `Authorization: Bearer <key>`; empty without the header or with another scheme.
std::string presented_api_key(const httplib::Request& request);

/// Equality whose time depends only on the lengths, never on where the strings differ.
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace server::http
