// Connections: HTTP_KEEP_ALIVE_SECONDS is how long the server keeps an idle connection open
// (behind an ALB it must outlast the ALB's idle timeout, so the ALB always closes first and never
// sends a request on a connection the server is closing; each idle connection holds an HTTP thread
// meanwhile); and many connections opened at once are all accepted without a SYN retry.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "tests/support/test_server.h"

namespace {

using narrando::testing::TestServer;
using Clock = std::chrono::steady_clock;

// One loopback connection, used for several requests in a row.
class Connection {
 public:
  explicit Connection(int port) : m_fd(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    m_open =
        m_fd >= 0 && ::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  }
  ~Connection() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Sends GET /healthz and returns the status of the answer (0 if none came within 5 s).
  int get_healthz() {
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    if (!m_open || ::send(m_fd, request.data(), request.size(), MSG_NOSIGNAL) !=
                       static_cast<ssize_t>(request.size()))
      return 0;
    std::string response;
    char buffer[4096];
    while (true) {
      const std::size_t head_end = response.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        const std::size_t at = response.find("Content-Length: ");
        if (at != std::string::npos &&
            response.size() >= head_end + 4 + std::stoul(response.substr(at + 16)))
          return std::stoi(response.substr(9, 3));
      }
      pollfd readable{m_fd, POLLIN, 0};
      if (::poll(&readable, 1, 5000) <= 0) return 0;
      const ssize_t received = ::recv(m_fd, buffer, sizeof(buffer), 0);
      if (received <= 0) return 0;
      response.append(buffer, static_cast<std::size_t>(received));
    }
  }

  /// Waits up to `limit` for the server to close the idle connection; returns how long it took,
  /// or `limit` if it stayed open.
  std::chrono::milliseconds wait_for_close(std::chrono::milliseconds limit) {
    const auto start = Clock::now();
    char byte = 0;
    while (Clock::now() - start < limit) {
      pollfd readable{m_fd, POLLIN, 0};
      if (::poll(&readable, 1, 50) > 0 && ::recv(m_fd, &byte, 1, 0) <= 0) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
      }
    }
    return limit;
  }

 private:
  int m_fd;
  bool m_open = false;
};

TEST(KeepAlive, TheServerClosesAConnectionIdleForTheConfiguredTime) {
  TestServer server{{{"HTTP_KEEP_ALIVE_SECONDS", "1"}}};
  Connection connection(server.port());
  ASSERT_EQ(connection.get_healthz(), 200);
  const auto closed_after = connection.wait_for_close(std::chrono::milliseconds(4000));
  EXPECT_GE(closed_after.count(), 800);
  EXPECT_LT(closed_after.count(), 4000) << "the idle connection was never closed";
}

TEST(KeepAlive, AConnectionIdleForLessThanTheTimeoutServesTheNextRequest) {
  TestServer server{{{"HTTP_KEEP_ALIVE_SECONDS", "4"}}};
  Connection connection(server.port());
  ASSERT_EQ(connection.get_healthz(), 200);
  // Idle for 2 s: half the timeout.
  EXPECT_EQ(connection.wait_for_close(std::chrono::milliseconds(2000)).count(), 2000)
      << "closed too early";
  EXPECT_EQ(connection.get_healthz(), 200) << "the same connection must still be usable";
}

TEST(KeepAlive, WithTheLingerOffEachRequestOfAConnectionComesBackThroughTheFrontDoor) {
  TestServer server{{{"HTTP_LINGER_MS", "0"}}};
  Connection connection(server.port());
  for (int i = 0; i < 5; ++i) ASSERT_EQ(connection.get_healthz(), 200) << "request " << i;
  // And after a pause longer than any linger the connection is still served.
  EXPECT_EQ(connection.wait_for_close(std::chrono::milliseconds(100)).count(), 100);
  EXPECT_EQ(connection.get_healthz(), 200);
}

TEST(Connections, TheAcceptQueueIsWideEnoughForABurstOfConnections) {
  TestServer server;
  // cpp-httplib's own backlog is 5; the kernel caps ours at net.core.somaxconn (4096 by default).
  EXPECT_GE(server.api().listen_backlog(), 128);
}

TEST(Connections, TwoHundredConnectionsOpenedAtOnceAreAllEstablishedWithoutASynRetry) {
  // A dropped SYN is retried after 1 s: every connection must be up well before that.
  TestServer server;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  std::vector<int> sockets;
  for (int i = 0; i < 200; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ASSERT_GE(fd, 0);
    ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));  // EINPROGRESS
    sockets.push_back(fd);
  }
  std::vector<pollfd> pending;
  for (const int fd : sockets) pending.push_back({fd, POLLOUT, 0});
  const auto deadline = Clock::now() + std::chrono::milliseconds(700);
  std::size_t established = 0;
  while (established < pending.size() && Clock::now() < deadline) {
    ::poll(pending.data(), pending.size(), 20);
    established = 0;
    for (auto& p : pending) {
      int error = 0;
      socklen_t size = sizeof(error);
      if ((p.revents & POLLOUT) != 0 &&
          ::getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0)
        ++established;
    }
  }
  // A connection whose SYN was dropped is not writable until the retry; the client side of one
  // stuck in the full accept queue is, so also check the server answers each of them.
  EXPECT_EQ(established, sockets.size());
  const std::string request =
      "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  int answered = 0;
  for (const int fd : sockets) {
    const int flags = ::fcntl(fd, F_GETFL);
    ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    char buffer[16] = {};
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
            static_cast<ssize_t>(request.size()) &&
        ::recv(fd, buffer, sizeof(buffer) - 1, 0) > 0 &&
        std::string(buffer).rfind("HTTP/1.1 200", 0) == 0)
      ++answered;
    ::close(fd);
  }
  EXPECT_EQ(answered, 200);
}

}  // namespace
