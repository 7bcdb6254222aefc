#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "server/support/clock.h"

namespace narrando::testing {

/// A failure to inject into the next request of an operation.
struct Fault {
  int status = 500;
  std::string body;  ///< empty: a Google-style JSON error for `status`
  std::string content_type = "application/json";
  std::string retry_after;             ///< Retry-After header, if any
  std::chrono::milliseconds delay{0};  ///< sleep before answering (timeouts)
  bool truncate = false;               ///< answer normally but cut the body in half
  /// The delay's clock: real time by default (client timeouts), or a test's ManualClock (to hold
  /// a request until the test moves time).
  const server::support::Clock* clock = nullptr;
};

/// How long a fake waits before it answers the `arrival`-th request (0-based) of `operation`.
using Latency = std::function<std::chrono::milliseconds(const std::string& operation, int arrival)>;

/// A loopback HTTP server for a fake external service: started on a free port, stopped on
/// destruction. Subclasses register routes below mount(); faults are queued per operation name.
class FakeServer {
 public:
  /// `mount` ("" or e.g. "/v1": letters, digits, '-' and '/' only) puts every route below a path,
  /// as a gateway in front of the service would.
  explicit FakeServer(std::string mount = "");
  virtual ~FakeServer();
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  /// "http://127.0.0.1:<port>" followed by the mount path: what a client's base URL should be.
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(m_port) + m_mount; }
  /// The bound port.
  int port() const { return m_port; }
  /// Queues `fault` for the next request of `operation` (FIFO; each fault is used once).
  void inject(const std::string& operation, Fault fault);
  /// Delays every later request (faulty ones included) by what `latency` says: a service's
  /// latency for benchmarks, or answers shuffled against their order of arrival for tests.
  void set_latency(Latency latency);
  /// How many requests of `operation` arrived (faulty ones included).
  int requests(const std::string& operation) const;
  /// The bodies of the requests of `operation` the fake remembered, in arrival order.
  std::vector<std::string> bodies(const std::string& operation) const;

 protected:
  /// The path every route is registered below ("" for none).
  const std::string& mount() const { return m_mount; }
  /// Remembers a request body of `operation` for bodies().
  void remember(const std::string& operation, const std::string& body);
  /// Starts listening; call at the end of the subclass constructor, after registering routes.
  void start();
  /// Stops listening and waits for the server's threads; idempotent. A subclass whose handlers
  /// read its own members calls it first thing in its destructor, before those members go.
  void stop();
  /// Counts the request and applies a queued fault; true if the fault answered it.
  bool take_fault(const std::string& operation, httplib::Response& response);
  /// Applies a pending truncation to a normal answer.
  void finish(const std::string& operation, httplib::Response& response);

  httplib::Server m_server;

 private:
  mutable std::mutex m_mutex;
  std::map<std::string, std::deque<Fault>> m_faults;
  std::map<std::string, int> m_counts;
  std::map<std::string, bool> m_truncate_next;
  std::map<std::string, std::vector<std::string>> m_bodies;
  Latency m_latency;
  std::string m_mount;
  std::thread m_thread;
  int m_port = 0;
};

/// What Google answers (400 INVALID_ARGUMENT) when X-Goog-FieldMask is missing.
inline constexpr const char* kFieldMaskRequired =
    "FieldMask is a required parameter. See https://cloud.google.com/apis/docs/system-parameters "
    "on how to "
    "provide it.";

/// A Google-style error body: {"error": {"code", "message", "status", "details"}}; with a
/// `reason`, details holds a google.rpc.ErrorInfo for `service` (e.g. "routes.googleapis.com").
std::string google_error(int code,
                         const std::string& status,
                         const std::string& message,
                         const std::string& reason = "",
                         const std::string& service = "places.googleapis.com");

}  // namespace narrando::testing
