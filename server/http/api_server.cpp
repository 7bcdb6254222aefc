#include "server/http/api_server.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <stdexcept>

#include <httplib.h>

#include "server/http/routes.h"

namespace server::http {
namespace {

// cpp-httplib 0.11 listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, compiled into the
// library). When more connections than that arrive at once (a load balancer opening connections,
// clients reconnecting together) the kernel drops the extra SYNs and the clients retry after 1,
// 3, 7 s: measured as multi-second stalls and timeouts under wrk. The kernel caps this at
// net.core.somaxconn.
constexpr int kListenBacklog = SOMAXCONN;

}  // namespace

struct ApiServer::Impl {
  explicit Impl(ApiContext& c) : context(c) {}
  ApiContext& context;
  httplib::Server server;
  socket_t listen_socket = INVALID_SOCKET;  // the socket httplib bound, seen when made
};

ApiServer::ApiServer(ApiContext& context) : m_impl(std::make_unique<Impl>(context)) {
  httplib::Server& server = m_impl->server;
  const auto threads = static_cast<std::size_t>(context.config.http_threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_keep_alive_max_count(10000);
  server.set_keep_alive_timeout(context.config.http_keep_alive_seconds);
  server.set_tcp_nodelay(true);
  server.set_socket_options([impl = m_impl.get()](socket_t sock) {
    httplib::default_socket_options(sock);
    impl->listen_socket = sock;  // the last one made is the one bound (failed candidates close)
  });
  register_routes(server, context);
}

ApiServer::~ApiServer() { stop(); }

int ApiServer::bind(const std::string& host, int port) {
  int bound = port;
  if (port == 0) {
    bound = m_impl->server.bind_to_any_port(host);
    if (bound <= 0) throw std::runtime_error("cannot bind " + host + " to any port");
  } else if (!m_impl->server.bind_to_port(host, port)) {
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) + " (in use?)");
  }
  // listen() again on a listening socket only changes its backlog.
  if (::listen(m_impl->listen_socket, kListenBacklog) != 0) {
    throw std::runtime_error("cannot widen the accept queue of " + host + ":" + std::to_string(bound));
  }
  return bound;
}

void ApiServer::listen() { m_impl->server.listen_after_bind(); }

void ApiServer::stop() {
  m_impl->context.stopping = true;
  m_impl->context.board.wake_all();
  m_impl->server.stop();
}

bool ApiServer::is_running() const { return m_impl->server.is_running(); }

int ApiServer::listen_backlog() const {
  // For a listening socket Linux reports the accept queue's limit in tcpi_sacked.
  tcp_info info{};
  socklen_t size = sizeof(info);
  if (m_impl->listen_socket == INVALID_SOCKET ||
      ::getsockopt(m_impl->listen_socket, IPPROTO_TCP, TCP_INFO, &info, &size) != 0) {
    return 0;
  }
  return static_cast<int>(info.tcpi_sacked);
}

}  // namespace server::http
