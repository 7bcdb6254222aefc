// The front door's bookkeeping and framing (connection_table.h, request_framing.h) without
// sockets or clocks: when a request is all in, when a deadline passes, which connection makes
// room at the bound, where a chunked body ends.
#include <gtest/gtest.h>

#include <string>

#include "server/http/connection_table.h"
#include "server/http/request_framing.h"

namespace {

using server::http::ChunkedScanner;
using server::http::ConnectionLimits;
using server::http::ConnectionPhase;
using server::http::ConnectionTable;
using server::http::Verdict;
using std::chrono::milliseconds;

const auto kStart = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);

struct FramingCase {
  const char* name;
  std::string bytes;
  Verdict verdict;
};

class Framing : public ::testing::TestWithParam<FramingCase> {};

TEST_P(Framing, TellsWhenARequestIsAllIn) {
  ConnectionTable table(ConnectionLimits{});
  auto& connection = table.open(3, 0, kStart);
  connection.buffer = GetParam().bytes;
  EXPECT_EQ(table.advance(connection, kStart), GetParam().verdict);
}

INSTANTIATE_TEST_SUITE_P(
    Requests,
    Framing,
    ::testing::Values(
        FramingCase{"HalfAHead", "GET /healthz HTTP/1.1\r\nHost: x\r\n", Verdict::Wait},
        FramingCase{"AWholeGet", "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", Verdict::Serve},
        FramingCase{"AHeadOverTheLimit",
                    "GET / HTTP/1.1\r\nX: " + std::string(70000, 'a'),
                    Verdict::TooLarge},
        FramingCase{
            "HalfABody", "POST /a HTTP/1.1\r\nContent-Length: 10\r\n\r\n12345", Verdict::Wait},
        FramingCase{"AWholeBody",
                    "POST /a HTTP/1.1\r\nContent-Length: 10\r\n\r\n1234567890",
                    Verdict::Serve},
        FramingCase{"ABodyOverTheLimitIsServedUnread",
                    "POST /a HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n",
                    Verdict::Serve},
        FramingCase{"ConflictingLengthsAreServedToBeRefused",
                    "POST /a HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                    Verdict::Serve},
        FramingCase{"ExpectContinueIsServedAtOnce",
                    "POST /a HTTP/1.1\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n",
                    Verdict::Serve},
        FramingCase{"AnUnfinishedChunkedBody",
                    "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel",
                    Verdict::Wait},
        FramingCase{"AFinishedChunkedBody",
                    "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                    Verdict::Serve}),
    [](const auto& framing_case) { return std::string(framing_case.param.name); });

TEST(ConnectionTable, HeadAndBodyDeadlinesRunFromTheirOwnStart) {
  ConnectionLimits limits;
  limits.header_timeout = milliseconds(1000);
  limits.body_timeout = milliseconds(3000);
  ConnectionTable table(limits);
  auto& connection = table.open(3, 0, kStart);
  connection.buffer = "POST /a HTTP/1.1\r\nContent-Length: 10\r\n\r\n1";
  EXPECT_TRUE(table.expired(kStart + milliseconds(999)).empty());
  EXPECT_EQ(table.advance(connection, kStart + milliseconds(900)),
            Verdict::Wait);  // the head is in at 900 ms
  EXPECT_EQ(connection.phase, ConnectionPhase::Body);
  EXPECT_TRUE(table.expired(kStart + milliseconds(3899)).empty());
  EXPECT_EQ(table.expired(kStart + milliseconds(3900)), std::vector<int>{3});
}

TEST(ConnectionTable, ABusyConnectionNeverExpiresNorMakesRoom) {
  ConnectionLimits limits;
  limits.max_connections = 2;
  ConnectionTable table(limits);
  auto& busy = table.open(3, 0, kStart);
  busy.buffer = "GET / HTTP/1.1\r\n\r\n";
  ASSERT_EQ(table.advance(busy, kStart), Verdict::Serve);
  table.open(4, 0, kStart + milliseconds(10));
  EXPECT_TRUE(table.full());
  EXPECT_EQ(table.evictable(), 4);
  EXPECT_EQ(table.expired(kStart + std::chrono::hours(1)), std::vector<int>{4});
}

TEST(ConnectionTable, AtTheBoundAnIdleConnectionGoesBeforeTheOldestUnfinishedOne) {
  ConnectionTable table(ConnectionLimits{});
  table.open(3, 0, kStart);                    // unfinished since the start
  table.open(4, 0, kStart + milliseconds(5));  // unfinished, younger
  auto& idle = table.open(5, 0, kStart + milliseconds(10));
  idle.buffer = "GET / HTTP/1.1\r\n\r\n";
  ASSERT_EQ(table.advance(idle, kStart + milliseconds(10)), Verdict::Serve);
  EXPECT_EQ(table.returned(idle, "", 1, kStart + milliseconds(20)), Verdict::Wait);
  EXPECT_EQ(table.evictable(), 5);
  table.remove(5);
  EXPECT_EQ(table.evictable(), 3);
}

TEST(ConnectionTable, APipelinedRequestIsServedStraightAfterTheFirst) {
  ConnectionTable table(ConnectionLimits{});
  auto& connection = table.open(3, 0, kStart);
  connection.buffer = "GET /a HTTP/1.1\r\n\r\n";
  ASSERT_EQ(table.advance(connection, kStart), Verdict::Serve);
  EXPECT_EQ(table.returned(connection, "GET /b HTTP/1.1\r\n\r\n", 1, kStart), Verdict::Serve);
  EXPECT_EQ(connection.head.path, "/b");
}

TEST(RangeHeaders, AreDroppedFromTheHead) {
  ConnectionTable table(ConnectionLimits{});
  auto& connection = table.open(3, 0, kStart);
  connection.buffer = "GET /a HTTP/1.1\r\nRange: bytes=0-,0-\r\nHost: x\r\nIf-Range: x\r\n\r\n";
  ASSERT_EQ(table.advance(connection, kStart), Verdict::Serve);
  EXPECT_EQ(connection.buffer, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(connection.head.bytes, connection.buffer.size());
}

TEST(ChunkedScanner, FindsTheEndWhateverThePieces) {
  const std::string body = "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\nNEXT";
  for (std::size_t cut = 0; cut <= body.size(); ++cut) {
    ChunkedScanner scanner;
    std::size_t used = scanner.feed(std::string_view(body).substr(0, cut));
    if (!scanner.complete()) used += scanner.feed(std::string_view(body).substr(used));
    EXPECT_TRUE(scanner.complete()) << cut;
    EXPECT_EQ(used, body.size() - 4) << cut;
  }
  ChunkedScanner broken;
  broken.feed("zz\r\n");
  EXPECT_TRUE(broken.broken());
}

}  // namespace
