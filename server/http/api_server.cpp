#include "server/http/api_server.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

#include <httplib.h>

#include "server/http/connection_stream.h"
#include "server/http/front_door.h"
#include "server/http/request_context.h"
#include "server/http/routes.h"

namespace server::http {
namespace {

// The kernel caps this at net.core.somaxconn. (cpp-httplib's own backlog of 5 dropped the SYNs of
// connection bursts: clients retried after 1, 3, 7 s.)
constexpr int kListenBacklog = SOMAXCONN;
// A response write fails when the client takes nothing for this long.
constexpr std::chrono::milliseconds kWriteIdle{10000};
// At shutdown, requests being served get at most this long (and never more than the grace).
constexpr std::chrono::seconds kMaxDrain{5};

// httplib's request processing, run by the front door's threads on a connection it read ahead.
class RoutedServer : public httplib::Server {
 public:
  /// Processes one request from `stream`; false when the connection must close.
  bool serve_one(httplib::Stream& stream, bool close_connection, bool& connection_closed) {
    return process_request(stream, close_connection, connection_closed, nullptr);
  }
  /// httplib's content providers (server-sent events, close_after_response) write only while
  /// the server socket is valid: `fd` while serving, invalid once stopping.
  void set_serving(socket_t fd) { svr_sock_ = fd; }
};

// A listening, non-blocking TCP socket on host:port (0: any free port). Throws std::runtime_error.
int listen_on(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (::getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &found) != 0 ||
      !found) {
    throw std::runtime_error("cannot resolve the address " + host);
  }
  int fd = -1;
  for (addrinfo* candidate = found; candidate != nullptr && fd < 0;
       candidate = candidate->ai_next) {
    fd = ::socket(candidate->ai_family,
                  candidate->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                  candidate->ai_protocol);
    if (fd < 0) continue;
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(fd, candidate->ai_addr, candidate->ai_addrlen) != 0 ||
        ::listen(fd, kListenBacklog) != 0) {
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  if (fd < 0) throw std::runtime_error("cannot listen on " + host + ":" + service + " (in use?)");
  return fd;
}

int bound_port(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  return ntohs(address.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&address)->sin6_port
                                             : reinterpret_cast<sockaddr_in*>(&address)->sin_port);
}

FrontDoorSettings front_door_settings(const config::Config& config) {
  FrontDoorSettings settings;
  settings.limits.max_connections =
      static_cast<std::size_t>(config.safeguards.http_max_connections);
  settings.limits.header_timeout =
      std::chrono::seconds(config.safeguards.http_header_timeout_seconds);
  settings.limits.body_timeout = std::chrono::seconds(config.safeguards.http_body_timeout_seconds);
  settings.limits.keep_alive = std::chrono::seconds(config.http_keep_alive_seconds);
  settings.limits.max_body_bytes = config.max_body_bytes;
  settings.threads = config.http_threads;
  // The linger (front_door.h) is long enough for a client that sends its next request at once,
  // short enough that a thread is not held by a phone that reads for minutes. Half the read lane
  // may wait so; the others are always free for new work.
  settings.linger = std::min<std::chrono::milliseconds>(
      std::chrono::milliseconds(config.http_linger_ms), settings.limits.keep_alive);
  settings.max_lingering = (config.http_threads - config.http_threads / 2) / 2;  // of the reads
  settings.drain = std::min<std::chrono::milliseconds>(
      kMaxDrain, std::chrono::seconds(config.shutdown_grace_seconds));
  return settings;
}

}  // namespace

struct ApiServer::Impl {
  explicit Impl(ApiContext& c)
      : context(c), front_door(front_door_settings(c.config),
                               [this](ReadyRequest& request) { return serve(request); }) {}

  ServedRequest serve(ReadyRequest& request) {
    ConnectionStream stream(
        request.fd, std::move(request.bytes), request.body_deadline, kWriteIdle);
    RequestContext& current = RequestContext::current();
    current = RequestContext{};  // "rejected" until routing starts: httplib may refuse it first
    current.metrics_listener = request.listener == Listener::Metrics;
    current.empty_headers = std::move(request.head.empty_headers);
    bool closed_by_client = false;
    const bool ok = server.serve_one(stream, request.last, closed_by_client);
    ServedRequest served;
    // A request httplib refused before routing (a bad request line, say) may have left its headers
    // unread, and its Connection header unseen: its connection ends with the answer.
    const bool rejected = current.route == "rejected";
    served.keep_open = ok && !rejected && !closed_by_client && !request.last && !stream.failed() &&
                       !stream.timed_out();
    served.unread = stream.take_unread();
    return served;
  }

  ApiContext& context;
  RoutedServer server;
  FrontDoor front_door;
  int api_fd = -1;
  int metrics_fd = -1;
  int metrics_port = 0;
};

ApiServer::ApiServer(ApiContext& context) : m_impl(std::make_unique<Impl>(context)) {
  register_routes(m_impl->server, context);
}

ApiServer::~ApiServer() {
  stop();
}

int ApiServer::bind(const std::string& host, int port) {
  m_impl->api_fd = listen_on(host, port);
  m_impl->server.set_serving(m_impl->api_fd);
  m_impl->front_door.add_listener(m_impl->api_fd, Listener::Api);
  if (const auto metrics = m_impl->context.config.safeguards.metrics_port) {
    m_impl->metrics_fd = listen_on(host, *metrics);
    m_impl->metrics_port = bound_port(m_impl->metrics_fd);
    m_impl->front_door.add_listener(m_impl->metrics_fd, Listener::Metrics);
  }
  return bound_port(m_impl->api_fd);
}

int ApiServer::metrics_port() const {
  return m_impl->metrics_port;
}

void ApiServer::listen() {
  m_impl->front_door.run();
}

void ApiServer::stop() {
  m_impl->context.stopping = true;
  m_impl->context.generation.wake_watchers();  // waiting handlers see `stopping` at once
  m_impl->server.set_serving(INVALID_SOCKET);  // event streams end
  m_impl->front_door.stop();
}

bool ApiServer::is_running() const {
  return m_impl->front_door.running();
}

int ApiServer::listen_backlog() const {
  // For a listening socket Linux reports the accept queue's limit in tcpi_sacked.
  tcp_info info{};
  socklen_t size = sizeof(info);
  if (m_impl->api_fd < 0 || ::getsockopt(m_impl->api_fd, IPPROTO_TCP, TCP_INFO, &info, &size) != 0)
    return 0;
  return static_cast<int>(info.tcpi_sacked);
}

std::size_t ApiServer::open_connections() const {
  return m_impl->front_door.connections();
}

}  // namespace server::http
