#pragma once

#include <map>
#include <memory>
#include <string>
#include <thread>

#include <httplib.h>

#include "server/http/api_context.h"
#include "server/http/api_server.h"
#include "server/jobs/worker_pool.h"
#include "server/support/log.h"
#include "server/wiring/services.h"
#include "tests/support/temp_dir.h"

namespace narrando::testing {

/// The real HTTP service on a free loopback port, built by the composition root (wiring) as
/// `serve` builds it, with the configuration `env` describes (SQLite in a temporary folder unless
/// DATABASE_URL is given) and its own worker pool. Its store, pool, job board and handlers stamp
/// and wait on `clock` (a test's ManualClock, which must outlive the server).
class TestServer {
 public:
  explicit TestServer(std::map<std::string, std::string> env = {},
                      const server::support::Clock& clock = server::support::system_clock()) {
    // Warnings and errors only: request lines would drown the test output.
    server::support::configure_logging(server::support::LogLevel::Warn, false, &std::cerr);
    if (!env.contains("DATABASE_URL") && !env.contains("NARRANDO_DB"))
      env["NARRANDO_DB"] = m_dir.file("narrando.db");
    m_config = server::config::from_environment(env);
    m_services = std::make_unique<server::wiring::Services>(server::wiring::build_services(
        m_config,
        clock,
        server::jobs::WorkerPoolSettings{m_config.workers,
                                         std::chrono::seconds(m_config.lease_seconds),
                                         std::chrono::milliseconds(200)}));
    m_context =
        std::make_unique<server::http::ApiContext>(m_config, m_services->application(), clock);
    m_server = std::make_unique<server::http::ApiServer>(*m_context);
    m_port = m_server->bind("127.0.0.1", 0);
    m_services->pool->start();
    m_thread = std::thread([this] { m_server->listen(); });
    for (int i = 0; i < 500 && !m_server->is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~TestServer() {
    m_server->stop();
    m_thread.join();
    m_services->pool->stop(std::chrono::seconds(5));
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  /// The bound port.
  int port() const { return m_port; }
  /// A client of this server (no keep-alive surprises: each test makes its own).
  httplib::Client client() const {
    httplib::Client client("127.0.0.1", m_port);
    client.set_read_timeout(std::chrono::seconds(120));
    return client;
  }
  /// The HTTP server itself.
  server::http::ApiServer& api() { return *m_server; }
  /// The wired services (store, providers) behind the server.
  server::wiring::Services& services() { return *m_services; }

 private:
  TempDir m_dir;
  server::config::Config m_config;
  std::unique_ptr<server::wiring::Services> m_services;
  std::unique_ptr<server::http::ApiContext> m_context;
  std::unique_ptr<server::http::ApiServer> m_server;
  std::thread m_thread;
  int m_port = 0;
};

}  // namespace narrando::testing
