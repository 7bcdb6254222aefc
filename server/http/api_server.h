#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "server/http/api_context.h"

namespace server::http {

/// The HTTP service: the API's routes in cpp-httplib, behind a front door (front_door.h) that reads
/// each request under deadlines before a thread serves it, bounds the connections, and shuts down
/// within its drain whatever the clients do.
class ApiServer {
 public:
  /// `context` must outlive the server.
  explicit ApiServer(ApiContext& context);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  /// Binds `host`:`port` (0: any free port), and METRICS_PORT when configured, and returns the
  /// API port. Throws std::runtime_error.
  int bind(const std::string& host, int port);
  /// Serves until stop(). Blocks.
  void listen();
  /// Makes listen() stop accepting, end idle and unfinished connections, give requests being served
  /// their drain, and return. Thread-safe.
  void stop();
  /// True while listen() serves.
  bool is_running() const;
  /// The accept queue length the kernel allows the bound socket (0 before bind()).
  int listen_backlog() const;
  /// The bound metrics port (METRICS_PORT), 0 when /metrics is served on the API port.
  int metrics_port() const;
  /// Connections open now (approximate).
  std::size_t open_connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace server::http
