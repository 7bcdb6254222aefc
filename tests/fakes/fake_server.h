#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include <httplib.h>

namespace narrando::testing {

/// A failure to inject into the next request of an operation.
struct Fault {
  int status = 500;
  std::string body;                      ///< empty: a Google-style JSON error for `status`
  std::string content_type = "application/json";
  std::string retry_after;               ///< Retry-After header, if any
  std::chrono::milliseconds delay{0};    ///< sleep before answering (timeouts)
  bool truncate = false;                 ///< answer normally but cut the body in half
};

/// A loopback HTTP server for a fake external service: started on a free port, stopped on
/// destruction. Subclasses register routes; faults are queued per operation name.
class FakeServer {
 public:
  FakeServer();
  virtual ~FakeServer();
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  /// "http://127.0.0.1:<port>".
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  /// Queues `fault` for the next request of `operation` (FIFO; each fault is used once).
  void inject(const std::string& operation, Fault fault);
  /// How many requests of `operation` arrived (faulty ones included).
  int requests(const std::string& operation) const;

 protected:
  /// Starts listening; call at the end of the subclass constructor, after registering routes.
  void start();
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
  std::thread m_thread;
  int m_port = 0;
};

/// A Google-style error body: {"error": {"code", "message", "status", "details"}}.
std::string google_error(int code, const std::string& status, const std::string& message,
                         const std::string& reason = "");

}  // namespace narrando::testing
