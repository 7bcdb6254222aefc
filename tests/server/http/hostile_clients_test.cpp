// Slow and hostile connections (issue 15, points 1 and 2): clients that trickle their headers or
// bodies a byte at a time must not starve the server, whatever their number; each request has a
// deadline for its head and its body; the connections are bounded, and the bound makes room for
// new clients by closing the oldest unfinished ones; Range is ignored (every answer is the whole
// document, 200).
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <thread>

#include "tests/support/raw_http.h"
#include "tests/support/test_server.h"
#include "tests/support/trickle.h"

namespace {

using narrando::testing::raw_exchange;
using narrando::testing::RawExchange;
using narrando::testing::TestServer;
using narrando::testing::timed_get;
using narrando::testing::Tricklers;
using std::chrono::milliseconds;

// /healthz within 100 ms (issue 15); scaled in sanitizer builds (trickle.h).
const milliseconds kProbeLimit{100 * narrando::testing::timing_scale()};

// The slowest of `probes` /healthz probes, each on a new connection.
milliseconds slowest_healthz(int port, int probes, int* failures) {
  milliseconds slowest{0};
  for (int i = 0; i < probes; ++i) {
    const auto probe = timed_get(port, "/healthz", milliseconds(3000));
    if (probe.status != 200) ++*failures;
    slowest = std::max(slowest, probe.took);
    std::this_thread::sleep_for(milliseconds(50));
  }
  return slowest;
}

TEST(SlowClients, HealthzAnswersWithin100MsWhileAThousandConnectionsTrickleTheirHeaders) {
  ASSERT_TRUE(narrando::testing::raise_open_file_limit(4096)) << "the test needs 2,100 open files";
  TestServer server;
  Tricklers tricklers(server.port(),
                      1000,
                      "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
                      "abcdef",
                      milliseconds(500));
  ASSERT_EQ(tricklers.opened(), 1000);
  std::this_thread::sleep_for(milliseconds(1200));  // every trickler has sent a few bytes
  int failures = 0;
  const milliseconds slowest = slowest_healthz(server.port(), 20, &failures);
  EXPECT_EQ(failures, 0);
  EXPECT_LT(slowest, kProbeLimit) << "the slowest of 20 probes";
  std::cout << "[ measured ] 1,000 header tricklers: slowest of 20 /healthz probes "
            << slowest.count() << " ms\n";
}

TEST(SlowClients, HealthzAnswersWithin100MsWhileConnectionsTrickleTheirBodies) {
  ASSERT_TRUE(narrando::testing::raise_open_file_limit(4096));
  TestServer server;
  // Development mode: every caller may post, so the bodies reach the route that reads them.
  Tricklers tricklers(
      server.port(),
      300,
      "POST /api/generate-city HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: 100000\r\n\r\n{\"place_id\": \"",
      "aaaa",
      milliseconds(500));
  ASSERT_EQ(tricklers.opened(), 300);
  std::this_thread::sleep_for(milliseconds(1200));
  int failures = 0;
  const milliseconds slowest = slowest_healthz(server.port(), 20, &failures);
  EXPECT_EQ(failures, 0);
  EXPECT_LT(slowest, kProbeLimit);
  std::cout << "[ measured ] 300 body tricklers: slowest of 20 /healthz probes " << slowest.count()
            << " ms\n";
}

TEST(SlowClients, AHeadStillIncompleteAtItsDeadlineIsAnswered408AndClosed) {
  TestServer server{{{"HTTP_HEADER_TIMEOUT_SECONDS", "1"}}};
  Tricklers trickler(
      server.port(), 1, "GET /healthz HTTP/1.1\r\nX-Slow: ", "abc", milliseconds(100));
  const auto start = std::chrono::steady_clock::now();
  while (trickler.closed_by_server() == 0 &&
         std::chrono::steady_clock::now() - start < milliseconds(5000)) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(trickler.closed_by_server(), 1) << "a trickled head outlived its deadline";
  EXPECT_GE(took, milliseconds(900));
  EXPECT_LT(took, milliseconds(1500 + 1000 * narrando::testing::timing_scale()));
  EXPECT_EQ(trickler.received(0).rfind("HTTP/1.1 408 ", 0), 0u) << trickler.received(0);
}

TEST(SlowClients, ABodyStillIncompleteAtItsDeadlineEndsTheConnection) {
  TestServer server{{{"HTTP_BODY_TIMEOUT_SECONDS", "1"}}};
  Tricklers trickler(
      server.port(),
      1,
      "POST /api/generate-city HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 5000\r\n\r\n{",
      " ",
      milliseconds(100));
  const auto start = std::chrono::steady_clock::now();
  while (trickler.closed_by_server() == 0 &&
         std::chrono::steady_clock::now() - start < milliseconds(5000)) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(trickler.closed_by_server(), 1) << "a trickled body outlived its deadline";
  EXPECT_LT(took, milliseconds(1500 + 1000 * narrando::testing::timing_scale()));
  EXPECT_EQ(trickler.received(0).rfind("HTTP/1.1 408 ", 0), 0u) << trickler.received(0);
}

TEST(SlowClients, AtTheConnectionBoundTheOldestUnfinishedConnectionMakesRoom) {
  TestServer server{{{"HTTP_MAX_CONNECTIONS", "50"}}};
  Tricklers tricklers(
      server.port(), 50, "GET /healthz HTTP/1.1\r\nX-Slow: ", "abc", milliseconds(200));
  std::this_thread::sleep_for(milliseconds(500));
  const auto probe = timed_get(server.port(), "/healthz", milliseconds(3000));
  EXPECT_EQ(probe.status, 200);
  EXPECT_LT(probe.took, kProbeLimit);
  std::this_thread::sleep_for(milliseconds(500));
  EXPECT_TRUE(tricklers.first_closed())
      << "the oldest trickler should have made room; closed: " << tricklers.closed_by_server();
  EXPECT_LE(tricklers.closed_by_server(), 2);
}

TEST(SlowClients, APipelinedSecondRequestIsServedOnTheSameConnection) {
  TestServer server;
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const RawExchange exchange = raw_exchange(server.port(), request + request);
  // raw_exchange stops at the first whole answer; both may already be there.
  EXPECT_EQ(exchange.status(), 200);
  const int fd = narrando::testing::connect_loopback(server.port());
  ASSERT_GE(fd, 0);
  narrando::testing::raw_http_detail::send_all(fd, (request + request).data(), 2 * request.size());
  std::string received;
  char buffer[4096];
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < milliseconds(3000)) {
    pollfd readable{fd, POLLIN, 0};
    if (::poll(&readable, 1, 100) <= 0) continue;
    const ssize_t got = ::recv(fd, buffer, sizeof(buffer), 0);
    if (got <= 0) break;
    received.append(buffer, static_cast<std::size_t>(got));
    std::size_t answers = 0;
    for (std::size_t at = received.find("HTTP/1.1 200"); at != std::string::npos;
         at = received.find("HTTP/1.1 200", at + 1)) {
      ++answers;
    }
    if (answers == 2) break;
  }
  ::close(fd);
  EXPECT_NE(received.find("HTTP/1.1 200"), received.rfind("HTTP/1.1 200")) << received;
}

// httplib refuses a bad request line before reading the headers, so it never sees "Connection:
// close": the connection must end with the answer anyway (it stayed open 10 s, and its unread
// headers were served as a second request).
TEST(SlowClients, ARequestRefusedBeforeRoutingEndsItsConnectionWithTheAnswer) {
  TestServer server;
  const auto start = std::chrono::steady_clock::now();
  const RawExchange exchange =
      raw_exchange(server.port(),
                   "M1 /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                   "",
                   0,
                   "",
                   milliseconds(3000));
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(exchange.status(), 400);
  EXPECT_TRUE(exchange.closed_by_server);
  EXPECT_LT(took, milliseconds(500 * narrando::testing::timing_scale()));
  EXPECT_EQ(exchange.response.find("HTTP/1.1", 5), std::string::npos)
      << "one answer only: " << exchange.response;
}

// Range (RFC 9110 §14.2 lets a server ignore it): the API's answers are small documents, so each
// is sent whole, 200, however many ranges are asked for.
struct RangeCase {
  const char* name;
  std::string range;
};

class RangeIgnored : public ::testing::TestWithParam<RangeCase> {};

TEST_P(RangeIgnored, TheWholeDocumentComesBackWith200) {
  TestServer server;
  const RawExchange plain = raw_exchange(
      server.port(), "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  ASSERT_EQ(plain.status(), 200);
  const RawExchange ranged =
      raw_exchange(server.port(),
                   "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\nRange: " +
                       GetParam().range + "\r\n\r\n");
  EXPECT_EQ(ranged.status(), 200);
  EXPECT_EQ(ranged.body().size(), plain.body().size());
  EXPECT_TRUE(ranged.body() == plain.body()) << "the body is not the document";
  EXPECT_EQ(ranged.response.find("Content-Range"), std::string::npos);
}

std::string many_ranges() {
  std::string ranges = "bytes=0-";
  for (int i = 0; i < 1800; ++i) ranges += ",0-";
  return ranges;
}

INSTANTIATE_TEST_SUITE_P(Requests,
                         RangeIgnored,
                         ::testing::Values(RangeCase{"OneRange", "bytes=0-10"},
                                           RangeCase{"ManyRanges", many_ranges()},
                                           RangeCase{"OutOfRange", "bytes=99999999-"},
                                           RangeCase{"Malformed", "bytes=x-y"},
                                           RangeCase{"Suffix", "bytes=-5"}),
                         [](const auto& range_case) { return std::string(range_case.param.name); });

}  // namespace
