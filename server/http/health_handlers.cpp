#include "server/http/handlers.h"
#include "server/http/responses.h"

namespace server::http {

void handle_healthz(const httplib::Request&, httplib::Response& response) {
  send_json(response, 200, {{"status", "ok"}});
}

void handle_readyz(ApiContext& context, const httplib::Request&, httplib::Response& response) {
  if (context.stopping) {
    send_error(response, 503, "shutting_down", "the server is shutting down");
    return;
  }
  try {
    context.store.ping();
    send_json(response, 200, {{"status", "ready"}, {"store", context.store.backend()}});
  } catch (const std::exception& e) {
    send_error(response, 503, "storage_unavailable", std::string("the store does not answer: ") + e.what());
  }
}

}  // namespace server::http
