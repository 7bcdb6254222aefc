#pragma once

// Hostile clients for the connection tests: many loopback connections that send their request a
// byte at a time, and a timed probe. Test-only; header-only.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/raw_http.h"

namespace narrando::testing {

/// How much slower than a plain build this one runs: NARRANDO_TIMING_SCALE (scripts/
/// run-sanitizers.sh sets it for ASan and TSan builds), else 1. Latency bounds are multiplied by
/// it.
inline int timing_scale() {
  const char* text = std::getenv("NARRANDO_TIMING_SCALE");
  const int scale = text ? std::atoi(text) : 1;
  return scale > 0 ? scale : 1;
}

/// Raises this process's open-file limit to at least `wanted` when the hard limit allows; returns
/// whether it is now at least that.
inline bool raise_open_file_limit(rlim_t wanted) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return false;
  if (limit.rlim_cur >= wanted) return true;
  limit.rlim_cur = std::min(wanted, limit.rlim_max);
  return ::setrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur >= wanted;
}

/// A loopback connection to `port`, or -1.
inline int connect_loopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

/// `count` connections that each send `opening`, then one byte of `drip` (cycling) every
/// `interval`, until destroyed. Counts the connections the server closed.
class Tricklers {
 public:
  Tricklers(int port,
            int count,
            std::string opening,
            std::string drip,
            std::chrono::milliseconds interval)
      : m_drip(std::move(drip)), m_interval(interval) {
    for (int i = 0; i < count; ++i) {
      const int fd = connect_loopback(port);
      if (fd < 0) break;
      raw_http_detail::send_all(fd, opening.data(), opening.size());
      m_fds.push_back(fd);
    }
    m_open.assign(m_fds.size(), 1);
    m_thread = std::thread([this] { drip_loop(); });
  }
  ~Tricklers() {
    m_stop = true;
    m_thread.join();
    for (const int fd : m_fds) ::close(fd);
  }
  Tricklers(const Tricklers&) = delete;
  Tricklers& operator=(const Tricklers&) = delete;

  /// Connections that were opened.
  int opened() const { return static_cast<int>(m_fds.size()); }
  /// Connections the server has closed so far (seen at the last drip).
  int closed_by_server() const {
    std::lock_guard lock(m_mutex);
    int closed = 0;
    for (const char open : m_open) closed += open ? 0 : 1;
    return closed;
  }
  /// Whether the first connection opened (the oldest) was closed by the server.
  bool first_closed() const {
    std::lock_guard lock(m_mutex);
    return !m_open.empty() && !m_open.front();
  }
  /// Every byte the server sent on connection `index` (an answer before it closed, if any).
  std::string received(std::size_t index) const {
    std::lock_guard lock(m_mutex);
    return index < m_received.size() ? m_received[index] : "";
  }

 private:
  void drip_loop() {
    std::size_t next = 0;
    {
      std::lock_guard lock(m_mutex);
      m_received.assign(m_fds.size(), "");
    }
    while (!m_stop) {
      const char byte = m_drip[next++ % m_drip.size()];
      for (std::size_t i = 0; i < m_fds.size() && !m_stop; ++i) {
        if (!m_open[i]) continue;
        pollfd readable{m_fds[i], POLLIN, 0};
        char buffer[512];
        bool closed = false;
        while (::poll(&readable, 1, 0) > 0) {
          const ssize_t got = ::recv(m_fds[i], buffer, sizeof(buffer), MSG_DONTWAIT);
          if (got <= 0) {
            closed = true;
            break;
          }
          std::lock_guard lock(m_mutex);
          m_received[i].append(buffer, static_cast<std::size_t>(got));
        }
        if (!closed)
          closed = ::send(m_fds[i], &byte, 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0 && errno != EAGAIN;
        if (closed) {
          std::lock_guard lock(m_mutex);
          m_open[i] = 0;
        }
      }
      for (auto slept = std::chrono::milliseconds(0); slept < m_interval && !m_stop;
           slept += std::chrono::milliseconds(10)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
  }

  std::string m_drip;
  std::chrono::milliseconds m_interval;
  std::vector<int> m_fds;
  std::vector<char> m_open;
  std::vector<std::string> m_received;
  mutable std::mutex m_mutex;
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

/// GET `path` on a new connection; returns the status (0 without an answer within `limit`) and
/// how long the exchange took.
struct TimedProbe {
  int status = 0;
  std::chrono::milliseconds took{0};
};
inline TimedProbe timed_get(int port, const std::string& path, std::chrono::milliseconds limit) {
  const auto start = std::chrono::steady_clock::now();
  const RawExchange exchange =
      raw_exchange(port,
                   "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                   "",
                   0,
                   "",
                   limit);
  return {exchange.status(),
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                start)};
}

}  // namespace narrando::testing
