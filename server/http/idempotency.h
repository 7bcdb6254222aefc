#pragma once

#include <string>

#include <httplib.h>

#include "server/config/config.h"

namespace server::http {

/// The request's Idempotency-Key scoped to its caller, as the store keeps it: 16 hex digits of the
/// SHA-256 of the caller's API key (of "" in development mode, where every caller is one), ':',
/// then the key; two clients choosing the same key never meet. Empty without the header.
/// The key may be sent bare or as a structured-field string ("..."). Throws core::InputError for
/// an empty key, one over 255 characters, or one with characters other than printable ASCII.
std::string scoped_idempotency_key(const httplib::Request& request, const config::Config& config);

/// Who is asking, for quotas and rate limits: "key:" and the 16 hex digits that scope its
/// idempotency keys; empty in development mode (every caller is one).
std::string api_key_caller(const httplib::Request& request, const config::Config& config);

/// The key as its client sent it, from a scoped key (other text is returned as is).
std::string client_idempotency_key(const std::string& scoped);

}  // namespace server::http
