#include "server/config/safeguards.h"

#include "shared/errors.h"

namespace server::config {

Safeguards read_safeguards(const Environment& env) {
  Safeguards s;
  s.http_header_timeout_seconds =
      read_int(env, "HTTP_HEADER_TIMEOUT_SECONDS", s.http_header_timeout_seconds, 1, 600);
  s.http_body_timeout_seconds =
      read_int(env, "HTTP_BODY_TIMEOUT_SECONDS", s.http_body_timeout_seconds, 1, 3600);
  s.http_max_connections = read_int(env, "HTTP_MAX_CONNECTIONS", s.http_max_connections, 8, 100000);
  s.metrics_port = read_optional_int(env, "METRICS_PORT", 0, 65535);
  s.metrics_key = read_string(env, "METRICS_KEY", "");
  if (!s.metrics_key.empty() && s.metrics_key.size() < 16) {
    throw core::InputError("METRICS_KEY must have at least 16 characters", "invalid_config");
  }
  s.generate_per_hour =
      read_int(env, "RATE_LIMIT_GENERATE_PER_HOUR", s.generate_per_hour, 1, 1000000);
  s.generate_burst = read_int(env, "RATE_LIMIT_GENERATE_BURST", s.generate_burst, 1, 100000);
  s.spend_usd_per_day = read_double(env, "SPEND_BUDGET_USD_PER_DAY", s.spend_usd_per_day, 0.0, 1e7);
  s.caller_spend_usd_per_day =
      read_double(env, "SPEND_BUDGET_USD_PER_CALLER_PER_DAY", s.caller_spend_usd_per_day, 0.0, 1e7);
  s.queue_max_jobs = read_int(env, "QUEUE_MAX_JOBS", s.queue_max_jobs, 1, 1000000);
  return s;
}

}  // namespace server::config
