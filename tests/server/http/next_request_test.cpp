// A serving thread's wait for a kept-alive connection's next request (next_request.h), over a
// socket pair: what it serves itself and what it leaves to the front door.
#include "server/http/next_request.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <thread>

namespace {

using namespace std::chrono_literals;
using server::http::wait_for_next_request;
using Clock = std::chrono::steady_clock;

struct NextRequestTest : ::testing::Test {
  int fds[2] = {-1, -1};  // [0] the server's end (non-blocking), [1] the client's
  server::http::ConnectionLimits limits;

  void SetUp() override {
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
  }
  void TearDown() override {
    ::close(fds[0]);
    if (fds[1] >= 0) ::close(fds[1]);
  }
  void send(const std::string& bytes) {
    ASSERT_EQ(::write(fds[1], bytes.data(), bytes.size()), ssize_t(bytes.size()));
  }
};

TEST_F(NextRequestTest, AWholeRequestSentWhileWaitingIsServedWithRangeDropped) {
  std::thread client([&] {
    std::this_thread::sleep_for(20ms);
    send("GET /api/cities/x HTTP/1.1\r\nHost: a\r\nRange: bytes=0-1\r\n\r\n");
  });
  std::string buffer;
  const auto next = wait_for_next_request(fds[0], buffer, limits, Clock::now() + 5s);
  client.join();
  ASSERT_TRUE(next.head);
  EXPECT_FALSE(next.closed);
  EXPECT_EQ(next.head->method, "GET");
  EXPECT_EQ(next.head->path, "/api/cities/x");
  EXPECT_EQ(buffer.find("Range"), std::string::npos);
  EXPECT_EQ(buffer.size(), next.head->bytes);
}

TEST_F(NextRequestTest, ARequestAlreadyReadIsServedWithoutWaiting) {
  std::string buffer = "POST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}GET /b";
  const auto next = wait_for_next_request(fds[0], buffer, limits, Clock::now());
  ASSERT_TRUE(next.head);
  EXPECT_EQ(next.head->path, "/a");
  EXPECT_EQ(next.head->content_length, 2u);
}

TEST_F(NextRequestTest, NothingWithinTheDeadlineGivesTheConnectionBack) {
  std::string buffer;
  const auto start = Clock::now();
  const auto next = wait_for_next_request(fds[0], buffer, limits, start + 30ms);
  EXPECT_FALSE(next.head);
  EXPECT_FALSE(next.closed);
  EXPECT_GE(Clock::now() - start, 30ms);
  EXPECT_TRUE(buffer.empty());
}

TEST_F(NextRequestTest, PartOfARequestGoesBackToTheFrontDoorWithItsBytes) {
  send("GET /slow HTTP/1.1\r\nHo");
  std::string buffer;
  const auto next = wait_for_next_request(fds[0], buffer, limits, Clock::now() + 5s);
  EXPECT_FALSE(next.head) << "a trickling client is the front door's, not a thread's";
  EXPECT_EQ(buffer, "GET /slow HTTP/1.1\r\nHo");
}

TEST_F(NextRequestTest, BodiesTheFrontDoorMustReadGoBack) {
  for (const std::string request :
       {"POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST /a HTTP/1.1\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n",
        "POST /a HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n"}) {
    std::string buffer = request;
    const auto next = wait_for_next_request(fds[0], buffer, limits, Clock::now() + 5s);
    EXPECT_FALSE(next.head) << request;
    EXPECT_EQ(buffer, request);
  }
}

TEST_F(NextRequestTest, APeerThatClosesIsSeen) {
  ::close(fds[1]);
  fds[1] = -1;
  std::string buffer;
  const auto next = wait_for_next_request(fds[0], buffer, limits, Clock::now() + 5s);
  EXPECT_FALSE(next.head);
  EXPECT_TRUE(next.closed);
}

}  // namespace
