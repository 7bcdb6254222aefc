#pragma once

#include <optional>
#include <string>

#include "server/config/env_reader.h"

namespace server::config {

/// What keeps a server in the open up and its spending bounded (README "Reliability and
/// security"): connection deadlines and bound, who may read /metrics, and the limits on paid work.
struct Safeguards {
  int http_header_timeout_seconds =
      10;  ///< a request head must arrive within this, from its first byte
  int http_body_timeout_seconds =
      30;  ///< a request body must arrive within this, from the end of its head
  int http_max_connections =
      1024;  ///< open connections; at the bound the slowest unfinished make room
  std::optional<int> metrics_port;   ///< serve /metrics on this port only (0: any free port)
  std::string metrics_key;           ///< when set, /metrics needs Authorization: Bearer <key>
  int generate_per_hour = 30;        ///< new generations one caller may start per hour (sustained)
  int generate_burst = 5;            ///< ... and at once
  double spend_usd_per_day = 100.0;  ///< estimated external cost of all generations per UTC day
  double caller_spend_usd_per_day = 25.0;  ///< ... of one caller (an app key)
  int queue_max_jobs = 50;                 ///< queued generations; more are refused with 503
};

/// Reads the Safeguards variables; throws core::InputError naming a bad one.
Safeguards read_safeguards(const Environment& env);

}  // namespace server::config
