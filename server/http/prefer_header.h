#pragma once

#include <string>

namespace server::http {

/// The longest wait a client may ask for with Prefer: wait=N, in seconds.
inline constexpr int kMaxWaitSeconds = 600;

/// What a request's Prefer header asks (RFC 7240): to be answered at once, or how long to wait.
struct Preference {
  bool respond_async = false;
  int wait_seconds = 0;
};

/// Reads "respond-async" and "wait=N" from a Prefer header value (several preferences may come,
/// comma-separated; others are ignored). `wait_seconds` is `default_wait` unless a well-formed
/// wait=N says otherwise, clamped to 0..kMaxWaitSeconds. Never throws.
Preference read_prefer(const std::string& header, int default_wait);

}  // namespace server::http
