#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "server/clients/http_transport.h"
#include "server/pipeline/interfaces.h"

namespace server::clients {

/// How failed calls are retried: exponential backoff with full jitter, capped; a server's
/// Retry-After (or Google's RetryInfo) wins when it asks for longer.
struct RetryPolicy {
  int max_attempts = 4;
  std::chrono::milliseconds base_delay{500};
  std::chrono::milliseconds max_delay{20000};
};

/// Waits; replaced in tests and replays so retries do not sleep for real.
using Sleeper = std::function<void(std::chrono::milliseconds)>;

/// The sleeper that really sleeps.
Sleeper real_sleeper();

/// The billing facts of one operation: its SKU name (e.g. "places.text_search.enterprise") and
/// estimated price of one successful call in USD.
struct Pricing {
  std::string sku;
  double cost_usd = 0.0;
};

/// Calls one external service ("places", "routes", "llm") the way the pipeline needs it: counted
/// against the run's call budget, retried on 429, 5xx, 408 and transport errors (never on other
/// 4xx), every attempt recorded in the run trace with its SKU and cost. Thread-safe.
class ServiceCaller {
 public:
  ServiceCaller(std::string service,
                std::shared_ptr<HttpTransport> transport,
                RetryPolicy policy,
                Sleeper sleeper = real_sleeper());

  /// Sends `request` as `operation`. Returns the 2xx response, or a response whose status is in
  /// `pass_through` (statuses the client interprets itself, e.g. 404 for an unknown place). Throws
  /// server::UpstreamError naming the service, operation and status (never a key) when the last
  /// attempt fails, when the status is not retryable, or when the run's call budget is spent.
  HttpResponse call(const HttpRequest& request,
                    const std::string& operation,
                    const Pricing& pricing,
                    pipeline::RunContext& context,
                    const std::vector<int>& pass_through = {}) const;

  /// The service name.
  const std::string& service() const { return m_service; }
  /// Waits with this caller's sleeper (a no-op in tests and replays).
  void pause(std::chrono::milliseconds delay) const { m_sleeper(delay); }

 private:
  std::chrono::milliseconds delay_before_retry(int attempt, const HttpResponse& response) const;

  std::string m_service;
  std::shared_ptr<HttpTransport> m_transport;
  RetryPolicy m_policy;
  Sleeper m_sleeper;
};

/// A short, key-free description of why a response failed: "HTTP 503 UNAVAILABLE: ...",
/// "HTTP 401 (an HTML page)", or the transport error.
std::string describe_failure(const HttpResponse& response);

/// The delay a response asks for: Retry-After (seconds or HTTP date), retry-after-ms, or a
/// Google RetryInfo detail ("2s"); zero when none.
std::chrono::milliseconds requested_delay(const HttpResponse& response);

}  // namespace server::clients
