#pragma once

#include <string>

#include <httplib.h>

namespace server::http {

/// The request's Idempotency-Key scoped to its caller, as the store keeps it: `caller_scope`
/// (Caller::scope: 16 hex digits naming the API key or the app user; one value for everyone in
/// development mode), ':', then the key; two clients choosing the same key never meet. Empty
/// without the header. The key may be sent bare or as a structured-field string ("..."). Throws
/// core::InputError for an empty key, one over 255 characters, or one with characters other
/// than printable ASCII.
std::string scoped_idempotency_key(const httplib::Request& request,
                                   const std::string& caller_scope);

/// The key as its client sent it, from a scoped key (other text is returned as is).
std::string client_idempotency_key(const std::string& scoped);

}  // namespace server::http
