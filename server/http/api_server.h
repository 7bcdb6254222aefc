#pragma once

#include <memory>
#include <string>

#include "server/http/api_context.h"

namespace server::http {

/// The HTTP service: cpp-httplib with the API's routes, a thread per open connection (so
/// keep-alive clients never queue behind each other), and clean shutdown.
class ApiServer {
 public:
  /// `context` must outlive the server.
  explicit ApiServer(ApiContext& context);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  /// Binds `host`:`port` (0: any free port) and returns the port. Throws std::runtime_error.
  int bind(const std::string& host, int port);
  /// Serves until stop(). Blocks.
  void listen();
  /// Stops accepting and returns once in-flight requests ended. Thread-safe.
  void stop();
  /// True while listen() serves.
  bool is_running() const;
  /// The accept queue length the kernel allows the bound socket (0 before bind()).
  int listen_backlog() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace server::http
