#include "server/http/auth.h"
#include "server/http/handlers.h"
#include "server/http/responses.h"
#include "server/support/log.h"
#include "server/support/metrics.h"
#include "shared/errors.h"
#include "shared/json/model_json.h"
#include "shared/json/service_messages.h"

extern const unsigned char narrando_openapi_json[];
extern const std::size_t narrando_openapi_json_size;

namespace server::http {

void handle_healthz(const httplib::Request&, httplib::Response& response) {
  send_json(response, 200, core::json::HealthAnswer{});
}

void handle_readyz(ApiContext& context, const httplib::Request&, httplib::Response& response) {
  if (context.stopping) {
    send_error(response, 503, "shutting_down", "the server is shutting down");
    return;
  }
  try {
    send_json(response, 200, core::json::ReadyAnswer{"ready", context.operations.ready()});
  } catch (const std::exception& e) {
    // The database's own words go to the log: the probe is public.
    support::log(support::LogLevel::Warn, "readiness check failed", {{"error", e.what()}});
    send_error(response, 503, "storage_unavailable", "the store does not answer");
  }
}

void handle_metrics(ApiContext& context,
                    const httplib::Request& request,
                    httplib::Response& response) {
  const std::string& key = context.config.safeguards.metrics_key;
  if (!key.empty() && !constant_time_equals(presented_api_key(request), key)) {
    throw core::Error("unauthorized", "/metrics needs Authorization: Bearer <METRICS_KEY>");
  }
  std::map<std::string, int> jobs;
  try {
    for (const auto& [status, count] : context.operations.job_counts())
      jobs[to_string(status)] = count;
  } catch (const std::exception&) {
    // The store being down must not hide the rest of the metrics.
  }
  response.status = 200;
  response.set_content(support::Metrics::global().render(jobs) +
                           context.admission.render_metrics(context.operations.store()),
                       "text/plain; version=0.0.4");
}

void handle_openapi(const httplib::Request&, httplib::Response& response) {
  response.status = 200;
  response.set_content(
      std::string(reinterpret_cast<const char*>(narrando_openapi_json), narrando_openapi_json_size),
      "application/json");
}

}  // namespace server::http
