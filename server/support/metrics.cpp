#include "server/support/metrics.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace server::support {
namespace {

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", value);
  return text;
}

std::string label(const std::string& value) {
  std::string escaped;
  for (const char c : value) {
    if (c == '\\' || c == '"') escaped += '\\';
    escaped += c == '\n' ? 'n' : c;
  }
  return escaped;
}

template <class Histogram>
void render_histogram(std::string& out,
                      const std::string& name,
                      const std::string& label_name,
                      const std::map<std::string, Histogram>& histograms) {
  for (const auto& [key, histogram] : histograms) {
    long cumulative = 0;
    for (std::size_t i = 0; i < Metrics::kBuckets.size(); ++i) {
      cumulative += histogram.buckets[i];
      out += name + "_bucket{" + label_name + "=\"" + label(key) + "\",le=\"" +
             number(Metrics::kBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += name + "_bucket{" + label_name + "=\"" + label(key) + "\",le=\"+Inf\"} " +
           std::to_string(histogram.count) + "\n";
    out += name + "_sum{" + label_name + "=\"" + label(key) + "\"} " + number(histogram.sum) + "\n";
    out += name + "_count{" + label_name + "=\"" + label(key) + "\"} " +
           std::to_string(histogram.count) + "\n";
  }
}

}  // namespace

std::string method_label(const std::string& method) {
  static constexpr std::array<std::string_view, 9> kMethods{
      "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"};
  return std::find(kMethods.begin(), kMethods.end(), method) != kMethods.end() ? method : "other";
}

Metrics& Metrics::global() {
  static Metrics instance;
  return instance;
}

void Metrics::Histogram::observe(double seconds) {
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++buckets[i];
      break;
    }
  }
  ++count;
  sum += seconds;
}

void Metrics::observe_request(const std::string& method,
                              const std::string& route,
                              int status,
                              double seconds) {
  std::lock_guard lock(m_mutex);
  ++m_requests[{method_label(method), route, status}];
  m_latency[route].observe(seconds);
}

void Metrics::observe_stage(core::model::Stage stage, double seconds) {
  std::lock_guard lock(m_mutex);
  m_stages[to_string(stage)].observe(seconds);
}

void Metrics::count_external_call(const std::string& service, const std::string& outcome) {
  std::lock_guard lock(m_mutex);
  ++m_external_calls[{service, outcome}];
}

void Metrics::count_job_end(const std::string& status) {
  std::lock_guard lock(m_mutex);
  ++m_job_ends[status];
}

std::string Metrics::render(const std::map<std::string, int>& job_gauges) const {
  std::lock_guard lock(m_mutex);
  std::string out;
  out += "# HELP narrando_http_requests_total HTTP requests by method, route and status.\n"
         "# TYPE narrando_http_requests_total counter\n";
  for (const auto& [key, count] : m_requests) {
    const auto& [method, route, status] = key;
    out += "narrando_http_requests_total{method=\"" + label(method) + "\",route=\"" + label(route) +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP narrando_http_request_duration_seconds Time to serve a request, by route.\n"
         "# TYPE narrando_http_request_duration_seconds histogram\n";
  render_histogram(out, "narrando_http_request_duration_seconds", "route", m_latency);
  out += "# HELP narrando_jobs Jobs in the durable queue by state (all instances).\n"
         "# TYPE narrando_jobs gauge\n";
  for (const auto& [state, count] : job_gauges) {
    out += "narrando_jobs{state=\"" + label(state) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP narrando_job_ends_total Jobs this instance finished, by outcome.\n"
         "# TYPE narrando_job_ends_total counter\n";
  for (const auto& [status, count] : m_job_ends) {
    out += "narrando_job_ends_total{outcome=\"" + label(status) + "\"} " + std::to_string(count) +
           "\n";
  }
  out += "# HELP narrando_stage_duration_seconds Pipeline stage durations in this instance.\n"
         "# TYPE narrando_stage_duration_seconds histogram\n";
  render_histogram(out, "narrando_stage_duration_seconds", "stage", m_stages);
  out += "# HELP narrando_external_calls_total Calls to external services by outcome.\n"
         "# TYPE narrando_external_calls_total counter\n";
  for (const auto& [key, count] : m_external_calls) {
    out += "narrando_external_calls_total{service=\"" + label(key.first) + "\",outcome=\"" +
           label(key.second) + "\"} " + std::to_string(count) + "\n";
  }
  return out;
}

}  // namespace server::support
