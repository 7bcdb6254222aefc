// The front door's lanes: reads (GET, HEAD, OPTIONS) and writes queue apart, so writes holding
// every thread of theirs do not delay a read; a kept-alive connection whose next request is of
// the other lane hands it to that lane instead of serving it on the thread it lingers on.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "server/http/front_door.h"

namespace {

using namespace std::chrono_literals;
using server::http::FrontDoor;
using server::http::FrontDoorSettings;
using server::http::ReadyRequest;
using server::http::ServedRequest;

// Holds every POST until opened; counts the POSTs it holds.
class Gate {
 public:
  void pass() {
    std::unique_lock lock(m_mutex);
    ++m_held;
    m_changed.notify_all();
    m_changed.wait(lock, [&] { return m_open; });
    --m_held;
  }
  void open() {
    std::lock_guard lock(m_mutex);
    m_open = true;
    m_changed.notify_all();
  }
  bool wait_for_held(int count) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, 5s, [&] { return m_held >= count; });
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_changed;
  int m_held = 0;
  bool m_open = false;
};

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  timeval timeout{10, 0};  // a test that hangs fails instead
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return fd;
}

// Sends `request` on `fd` and reads one answer of the fixed shape the handler below writes.
std::string ask(int fd, const std::string& request) {
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string answer;
  char buffer[256];
  while (answer.find("\r\n\r\nok") == std::string::npos) {
    const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(got));
  }
  return answer.substr(0, answer.find("\r\n"));
}

const std::string kGet = "GET /api/cities HTTP/1.1\r\nHost: x\r\n\r\n";
const std::string kPost =
    "POST /api/generate-city HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";

// A front door with one read thread and one write thread whose handler answers "ok" and keeps
// the connection open, holding POSTs at the gate.
class LanesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const int listen_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);  // as the door needs
    sockaddr_in address{};
    address.sin_family = AF_INET;
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    ASSERT_EQ(::bind(listen_fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(listen_fd, 16), 0);
    socklen_t length = sizeof address;
    ::getsockname(listen_fd, reinterpret_cast<sockaddr*>(&address), &length);
    port = ntohs(address.sin_port);
    FrontDoorSettings settings;
    settings.threads = 2;  // one for reads, one for writes
    settings.linger = 200ms;
    settings.max_lingering = 1;
    door = std::make_unique<FrontDoor>(settings, [this](ReadyRequest& request) {
      if (request.head.method == "POST") gate.pass();
      const std::string answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
      ::send(request.fd, answer.data(), answer.size(), MSG_NOSIGNAL);
      return ServedRequest{true, request.bytes.substr(request.head.bytes), 1};
    });
    door->add_listener(listen_fd, server::http::Listener::Api);
    runner = std::thread([this] { door->run(); });
  }
  void TearDown() override {
    gate.open();
    door->stop();
    runner.join();
  }

  Gate gate;
  int port = 0;
  std::unique_ptr<FrontDoor> door;
  std::thread runner;
};

TEST_F(LanesTest, AReadIsAnsweredWhileWritesHoldEveryWriteThreadAndMoreWait) {
  const int writer_a = connect_to(port);
  const int writer_b = connect_to(port);
  auto first = std::async(std::launch::async, [&] { return ask(writer_a, kPost); });
  ASSERT_TRUE(gate.wait_for_held(1));
  auto second = std::async(std::launch::async, [&] { return ask(writer_b, kPost); });  // queued
  const int reader = connect_to(port);
  auto read = std::async(std::launch::async, [&] { return ask(reader, kGet); });
  ASSERT_EQ(read.wait_for(2s), std::future_status::ready) << "the read waited behind the writes";
  EXPECT_EQ(read.get(), "HTTP/1.1 200 OK");
  gate.open();
  EXPECT_EQ(first.get(), "HTTP/1.1 200 OK");
  EXPECT_EQ(second.get(), "HTTP/1.1 200 OK");
  for (const int fd : {writer_a, writer_b, reader}) ::close(fd);
}

TEST_F(LanesTest, AWriteAfterAReadOnOneConnectionIsServedInTheWriteLane) {
  const int client = connect_to(port);
  ASSERT_EQ(ask(client, kGet), "HTTP/1.1 200 OK");
  // Sent within the linger: the read thread sees it, and must hand it over rather than hold it.
  auto write = std::async(std::launch::async, [&] { return ask(client, kPost); });
  ASSERT_TRUE(gate.wait_for_held(1));
  const int reader = connect_to(port);
  auto read = std::async(std::launch::async, [&] { return ask(reader, kGet); });
  ASSERT_EQ(read.wait_for(2s), std::future_status::ready) << "the write held the read thread";
  EXPECT_EQ(read.get(), "HTTP/1.1 200 OK");
  gate.open();
  EXPECT_EQ(write.get(), "HTTP/1.1 200 OK");
  ::close(client);
  ::close(reader);
}

}  // namespace
