#include "tests/fakes/fake_server.h"

#include <nlohmann/json.hpp>

namespace narrando::testing {

FakeServer::FakeServer(std::string mount) : m_mount(std::move(mount)) {
  // Enough threads that a client's concurrent calls wait on the latency they are given, not on a
  // queue in the fake (httplib's default is 8).
  m_server.new_task_queue = [] { return new httplib::ThreadPool(32); };
}

FakeServer::~FakeServer() {
  stop();
}

void FakeServer::stop() {
  m_server.stop();
  if (m_thread.joinable()) m_thread.join();
}

void FakeServer::start() {
  // httplib 0.11 listens with a backlog of 5: a client's concurrent connects beyond it wait for a
  // SYN retry (1 s). Listening again on the bound socket only raises the backlog.
  socket_t bound = INVALID_SOCKET;
  m_server.set_socket_options([&bound](socket_t sock) {
    httplib::default_socket_options(sock);
    bound = sock;
  });
  m_port = m_server.bind_to_any_port("127.0.0.1");
  if (bound != INVALID_SOCKET) ::listen(bound, SOMAXCONN);
  m_thread = std::thread([this] { m_server.listen_after_bind(); });
  for (int i = 0; i < 500 && !m_server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

void FakeServer::inject(const std::string& operation, Fault fault) {
  std::lock_guard lock(m_mutex);
  m_faults[operation].push_back(std::move(fault));
}

void FakeServer::set_latency(Latency latency) {
  std::lock_guard lock(m_mutex);
  m_latency = std::move(latency);
}

int FakeServer::requests(const std::string& operation) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_counts.find(operation);
  return it == m_counts.end() ? 0 : it->second;
}

std::vector<std::string> FakeServer::bodies(const std::string& operation) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_bodies.find(operation);
  return it == m_bodies.end() ? std::vector<std::string>{} : it->second;
}

void FakeServer::remember(const std::string& operation, const std::string& body) {
  std::lock_guard lock(m_mutex);
  m_bodies[operation].push_back(body);
}

bool FakeServer::take_fault(const std::string& operation, httplib::Response& response) {
  Fault fault;
  bool faulty = false;
  std::chrono::milliseconds latency{0};
  {
    std::lock_guard lock(m_mutex);
    const int arrival = m_counts[operation]++;
    if (m_latency) latency = m_latency(operation, arrival);
    auto& queue = m_faults[operation];
    if (!queue.empty()) {
      fault = queue.front();
      queue.pop_front();
      faulty = true;
    }
  }
  if (latency.count() > 0) std::this_thread::sleep_for(latency);
  if (!faulty) return false;
  if (fault.delay.count() > 0)
    (fault.clock ? *fault.clock : server::support::system_clock()).sleep_for(fault.delay);
  if (fault.truncate) {
    std::lock_guard lock(m_mutex);
    m_truncate_next[operation] = true;
    return false;
  }
  response.status = fault.status;
  if (!fault.retry_after.empty()) response.set_header("Retry-After", fault.retry_after);
  const std::string body = fault.body.empty()
                               ? google_error(fault.status,
                                              fault.status == 429   ? "RESOURCE_EXHAUSTED"
                                              : fault.status >= 500 ? "UNAVAILABLE"
                                                                    : "INVALID_ARGUMENT",
                                              "injected failure")
                               : fault.body;
  response.set_content(body, fault.content_type);
  return true;
}

void FakeServer::finish(const std::string& operation, httplib::Response& response) {
  std::lock_guard lock(m_mutex);
  if (m_truncate_next[operation]) {
    m_truncate_next[operation] = false;
    response.body = response.body.substr(0, response.body.size() / 2);
  }
}

std::string google_error(int code,
                         const std::string& status,
                         const std::string& message,
                         const std::string& reason,
                         const std::string& service) {
  nlohmann::json error{{"code", code}, {"message", message}, {"status", status}};
  if (!reason.empty()) {
    error["details"] = {{{"@type", "type.googleapis.com/google.rpc.ErrorInfo"},
                         {"reason", reason},
                         {"domain", "googleapis.com"},
                         {"metadata", {{"service", service}}}}};
  }
  return nlohmann::json{{"error", error}}.dump();
}

}  // namespace narrando::testing
