#include "server/clients/service_caller.h"

#include <algorithm>
#include <ctime>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/errors.h"
#include "server/support/clock.h"
#include "server/support/metrics.h"

namespace server::clients {
namespace {

bool retryable_status(int status) {
  return status == 0 || status == 408 || status == 429 || status >= 500;
}

std::string header(const HttpResponse& response, const std::string& name) {
  const auto it = response.headers.find(name);
  return it == response.headers.end() ? "" : it->second;
}

std::chrono::milliseconds parse_seconds(const std::string& text) {
  try {
    std::size_t used = 0;
    const double seconds = std::stod(text, &used);
    if (used > 0 && seconds >= 0)
      return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
  } catch (const std::exception&) {}
  return std::chrono::milliseconds(0);
}

std::chrono::milliseconds parse_http_date(const std::string& text) {
  std::tm when{};
  if (strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &when) == nullptr)
    return std::chrono::milliseconds(0);
  const auto at = std::chrono::system_clock::from_time_t(timegm(&when));
  const auto wait =
      std::chrono::duration_cast<std::chrono::milliseconds>(at - std::chrono::system_clock::now());
  return std::max(wait, std::chrono::milliseconds(0));
}

}  // namespace

Sleeper real_sleeper() {
  return [](std::chrono::milliseconds delay) { std::this_thread::sleep_for(delay); };
}

std::chrono::milliseconds requested_delay(const HttpResponse& response) {
  if (const std::string ms = header(response, "retry-after-ms"); !ms.empty()) {
    return std::chrono::milliseconds(parse_seconds(ms).count() / 1000);
  }
  if (const std::string after = header(response, "retry-after"); !after.empty()) {
    const auto seconds = parse_seconds(after);
    return seconds.count() > 0 || after == "0" ? seconds : parse_http_date(after);
  }
  // Google puts google.rpc.RetryInfo {"retryDelay": "2s"} into error.details.
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    for (const auto& detail : body["error"].value("details", nlohmann::json::array())) {
      if (detail.is_object() && detail.contains("retryDelay") && detail["retryDelay"].is_string()) {
        return parse_seconds(detail["retryDelay"].get<std::string>());
      }
    }
  }
  return std::chrono::milliseconds(0);
}

std::string describe_failure(const HttpResponse& response) {
  if (response.status == 0) return "no response (" + response.error + ")";
  std::string text = "HTTP " + std::to_string(response.status);
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_object() && body.contains("error")) {
    const auto& error = body["error"];
    if (error.is_object()) {
      if (error.contains("status") && error["status"].is_string())
        text += " " + error["status"].get<std::string>();
      if (error.contains("message") && error["message"].is_string()) {
        text += ": " + error["message"].get<std::string>().substr(0, 200);
      }
    } else if (error.is_string()) {
      text += ": " + error.get<std::string>().substr(0, 200);
    }
  } else if (body.is_discarded() && !response.body.empty()) {
    text += response.body.find('<') != std::string::npos ? " (an HTML page)" : " (a non-JSON body)";
  }
  return text;
}

ServiceCaller::ServiceCaller(std::string service,
                             std::shared_ptr<HttpTransport> transport,
                             RetryPolicy policy,
                             Sleeper sleeper)
    : m_service(std::move(service)), m_transport(std::move(transport)), m_policy(policy),
      m_sleeper(std::move(sleeper)) {}

std::chrono::milliseconds ServiceCaller::delay_before_retry(int attempt,
                                                            const HttpResponse& response) const {
  thread_local std::mt19937_64 random{std::random_device{}()};
  const long long growth = 1LL << std::min(attempt - 1, 20);
  const long long ceiling =
      std::min<long long>(m_policy.max_delay.count(), m_policy.base_delay.count() * growth);
  // Jitter between half and all of the ceiling: clients that failed together do not retry together.
  std::uniform_int_distribution<long long> jitter(ceiling / 2, std::max(ceiling, 1LL));
  const auto asked = requested_delay(response);
  return std::max(std::chrono::milliseconds(jitter(random)), std::min(asked, m_policy.max_delay));
}

HttpResponse ServiceCaller::call(const HttpRequest& request,
                                 const std::string& operation,
                                 const Pricing& pricing,
                                 pipeline::RunContext& context,
                                 const std::vector<int>& pass_through) const {
  for (int attempt = 1;; ++attempt) {
    if (!context.take_call()) {
      throw UpstreamError(m_service,
                          0,
                          m_service + " " + operation +
                              ": the run's budget of external calls is spent",
                          false);
    }
    const auto start = std::chrono::steady_clock::now();
    HttpResponse response = m_transport->send(request);
    const bool ok = response.status >= 200 && response.status < 300;
    context.calls.push_back({m_service,
                             operation,
                             request.method,
                             request.path,
                             request.body,
                             response.status,
                             response.body,
                             support::seconds_since(start),
                             pricing.sku,
                             ok ? pricing.cost_usd : 0.0,
                             attempt,
                             response.error});
    support::Metrics::global().count_external_call(m_service,
                                                   ok ? "ok"
                                                   : response.status == 0
                                                       ? "no_response"
                                                       : std::to_string(response.status));
    if (ok || std::find(pass_through.begin(), pass_through.end(), response.status) !=
                  pass_through.end()) {
      return response;
    }
    const bool retry = retryable_status(response.status) &&
                       header(response, "x-should-retry") != "false" &&
                       attempt < m_policy.max_attempts;
    if (!retry) {
      throw UpstreamError(m_service,
                          response.status,
                          m_service + " " + operation + " failed after " + std::to_string(attempt) +
                              (attempt == 1 ? " attempt: " : " attempts: ") +
                              describe_failure(response),
                          retryable_status(response.status));
    }
    m_sleeper(delay_before_retry(attempt, response));
  }
}

}  // namespace server::clients
