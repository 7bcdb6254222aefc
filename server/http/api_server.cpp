#include "server/http/api_server.h"

#include <stdexcept>

#include <httplib.h>

#include "server/http/routes.h"

namespace server::http {

struct ApiServer::Impl {
  explicit Impl(ApiContext& c) : context(c) {}
  ApiContext& context;
  httplib::Server server;
};

ApiServer::ApiServer(ApiContext& context) : m_impl(std::make_unique<Impl>(context)) {
  httplib::Server& server = m_impl->server;
  const auto threads = static_cast<std::size_t>(context.config.http_threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_keep_alive_max_count(10000);
  server.set_keep_alive_timeout(context.config.http_keep_alive_seconds);
  server.set_tcp_nodelay(true);
  register_routes(server, context);
}

ApiServer::~ApiServer() { stop(); }

int ApiServer::bind(const std::string& host, int port) {
  if (port == 0) {
    const int bound = m_impl->server.bind_to_any_port(host);
    if (bound <= 0) throw std::runtime_error("cannot bind " + host + " to any port");
    return bound;
  }
  if (!m_impl->server.bind_to_port(host, port)) {
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) + " (in use?)");
  }
  return port;
}

void ApiServer::listen() { m_impl->server.listen_after_bind(); }

void ApiServer::stop() {
  m_impl->context.stopping = true;
  m_impl->context.board.wake_all();
  m_impl->server.stop();
}

bool ApiServer::is_running() const { return m_impl->server.is_running(); }

}  // namespace server::http
