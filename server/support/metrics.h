#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "shared/model/stage.h"

namespace server::support {

/// The method as a metrics and log label: the standard methods as sent, anything else "other"
/// (a client choosing its own methods must not create a series per request).
std::string method_label(const std::string& method);

/// Process-wide counters and histograms, rendered in the Prometheus text format (0.0.4).
/// Thread-safe; label values come from the code (routes, stages), never from clients.
class Metrics {
 public:
  /// Upper bounds of the latency histogram buckets, in seconds.
  static constexpr std::array<double, 14> kBuckets{
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0, 60.0};

  /// The registry of this process.
  static Metrics& global();

  /// One served request: its route pattern (not the raw path: "unmatched" without a route,
  /// "rejected" when refused before routing), method (method_label), status and duration.
  void
  observe_request(const std::string& method, const std::string& route, int status, double seconds);
  /// One finished pipeline stage and its duration.
  void observe_stage(core::model::Stage stage, double seconds);
  /// One external call: service ("places", "routes", "llm") and outcome ("ok", "error", status).
  void count_external_call(const std::string& service, const std::string& outcome);
  /// One finished job by final status ("succeeded", "failed", "requeued").
  void count_job_end(const std::string& status);

  /// The text exposition; `job_gauges` are the jobs by state read from the store now.
  std::string render(const std::map<std::string, int>& job_gauges) const;

 private:
  struct Histogram {
    std::array<long, kBuckets.size()> buckets{};
    long count = 0;
    double sum = 0.0;
    void observe(double seconds);
  };

  mutable std::mutex m_mutex;
  std::map<std::tuple<std::string, std::string, int>, long> m_requests;  // method, route, status
  std::map<std::string, Histogram> m_latency;                            // route
  std::map<std::string, Histogram> m_stages;                             // stage
  std::map<std::pair<std::string, std::string>, long> m_external_calls;  // service, outcome
  std::map<std::string, long> m_job_ends;
};

}  // namespace server::support
