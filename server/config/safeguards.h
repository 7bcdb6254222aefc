#pragma once

#include <optional>
#include <string>

#include "server/config/env_reader.h"

namespace server::config {

/// What keeps a server in the open up and its spending bounded (README "Reliability and
/// security"): connection deadlines and bound, and who may read /metrics.
struct Safeguards {
  int http_header_timeout_seconds = 10;  ///< a request head must arrive within this, from its first byte
  int http_body_timeout_seconds = 30;    ///< a request body must arrive within this, from the end of its head
  int http_max_connections = 1024;       ///< open connections; at the bound the slowest unfinished make room
  std::optional<int> metrics_port;       ///< serve /metrics on this port only (0: any free port)
  std::string metrics_key;               ///< when set, /metrics needs Authorization: Bearer <key>
};

/// Reads the Safeguards variables; throws core::InputError naming a bad one.
Safeguards read_safeguards(const Environment& env);

}  // namespace server::config
