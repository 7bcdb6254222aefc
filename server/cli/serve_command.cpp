#include <csignal>
#include <cstdlib>
#include <iostream>
#include <pthread.h>
#include <thread>

#include "server/cli/commands.h"
#include "server/http/api_server.h"
#include "server/jobs/worker_pool.h"
#include "server/support/log.h"
#include "server/wiring/services.h"
#include "shared/errors.h"

namespace server::cli {
namespace {

sigset_t shutdown_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  return signals;
}

void announce(const config::Config& config, const wiring::Services& services, int port) {
  using support::LogLevel;
  if (config.development_mode()) {
    support::log(
        LogLevel::Warn,
        "DEVELOPMENT MODE: API_KEYS is not set, so requests are not authenticated; listening on "
        "127.0.0.1 only. Set API_KEYS=<key>:app,<key>:editor to serve other machines.");
    if (!config.host.empty() && config.host != "127.0.0.1") {
      support::log(LogLevel::Warn, "HOST is ignored in development mode", {{"host", config.host}});
    }
  }
  nlohmann::json settings = nlohmann::json::array();
  for (const std::string& line : config::describe(config)) settings.push_back(line);
  const char* role = config.serve_role == config::ServeRole::All   ? "all"
                     : config.serve_role == config::ServeRole::Api ? "api"
                                                                   : "worker";
  support::log(LogLevel::Info,
               "narrando-server listening",
               {{"host", config.listen_host()},
                {"port", port},
                {"role", role},
                {"workers", config.serve_role == config::ServeRole::Api ? 0 : config.workers},
                {"choices", services.choices},
                {"config", settings}});
}

}  // namespace

int serve_command(const ServeArgs& args, config::Config config, std::ostream&, std::ostream&) {
  if (args.role) config.serve_role = config::serve_role_from(*args.role, "--role");
  if (args.port) {
    if (*args.port < 0 || *args.port > 65535) {
      throw core::InputError("--port must be between 0 and 65535", "invalid_arguments");
    }
    config.port = *args.port;
  }
  if (args.host) config.host = *args.host;
  support::configure_logging(support::log_level_from(config.log_level),
                             config.log_format == "json");

  // Block the shutdown signals in every thread; one thread waits for them with sigwait.
  const sigset_t signals = shutdown_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // An API-only instance queues jobs for the worker instances; a worker serves no API routes.
  const int workers = config.serve_role == config::ServeRole::Api ? 0 : config.workers;
  wiring::Services services = wiring::build_services(
      config,
      support::system_clock(),
      jobs::WorkerPoolSettings{
          workers, std::chrono::seconds(config.lease_seconds), std::chrono::milliseconds(1000)});
  jobs::WorkerPool& pool = *services.pool;
  try {
    services.store->open_connections();
  } catch (const std::exception& e) {
    // Not fatal: /readyz reports the database, and requests open connections when they can.
    support::log(support::LogLevel::Warn,
                 "could not open the database connections ahead of requests",
                 {{"error", e.what()}});
  }
  http::ApiContext context(config, services.application(), *services.clock);
  context.probes_only = config.serve_role == config::ServeRole::Worker;
  http::ApiServer server(context);
  const int port = server.bind(config.listen_host(), config.port);
  pool.start();
  announce(config, services, port);

  std::thread signal_waiter([&server, signals] {
    int signal_number = 0;
    sigwait(&signals, &signal_number);
    support::log(support::LogLevel::Info,
                 "shutdown requested",
                 {{"signal", signal_number == SIGTERM ? "SIGTERM" : "SIGINT"}});
    server.stop();
  });
  server.listen();
  // listen() also returns on a listener error: make sure the waiter wakes up either way.
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  if (!pool.stop(std::chrono::seconds(config.shutdown_grace_seconds))) {
    // A worker is still blocked in an external call; its job is back in the queue. Do not wait
    // for the call (the platform's stop timeout would kill us): end now, without destructors that
    // the blocked thread may still be using.
    support::log(support::LogLevel::Warn, "stopped after the grace; jobs were re-queued");
    std::cout.flush();
    std::_Exit(0);
  }
  support::log(support::LogLevel::Info, "stopped cleanly");
  return 0;
}

}  // namespace server::cli
