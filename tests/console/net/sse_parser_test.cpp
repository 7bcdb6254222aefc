#include "console/net/sse_parser.h"

#include <gtest/gtest.h>

namespace {

using console::net::SseEvent;
using console::net::SseParser;

// What narrando-server sends for a job (GET /api/jobs/{id}/events), shortened.
constexpr const char* kServerStream = "event: progress\ndata: {\"id\":\"j\",\"progress\":0.5}\n\n"
                                      ": keep-alive\n\n"
                                      "event: end\ndata: {\"id\":\"j\",\"progress\":1.0}\n\n";

TEST(SseParser, ReadsTheServersJobStream) {
  SseParser parser;
  const auto events = parser.feed(kServerStream);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0], (SseEvent{"progress", "{\"id\":\"j\",\"progress\":0.5}", ""}));
  EXPECT_EQ(events[1].type, "end");
}

TEST(SseParser, GivesTheSameEventsWhateverTheChunks) {
  const std::string stream = kServerStream;
  for (std::size_t size = 1; size < 9; ++size) {
    SseParser parser;
    std::vector<SseEvent> events;
    for (std::size_t at = 0; at < stream.size(); at += size) {
      for (auto& e : parser.feed(std::string_view(stream).substr(at, size))) events.push_back(e);
    }
    ASSERT_EQ(events.size(), 2u) << "chunk size " << size;
    EXPECT_EQ(events[1].data, "{\"id\":\"j\",\"progress\":1.0}");
  }
}

TEST(SseParser, AcceptsCrLfAndCrLineEnds) {
  SseParser parser;
  auto events = parser.feed("event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0], (SseEvent{"a", "1", ""}));
  EXPECT_EQ(events[1], (SseEvent{"b", "2", ""}));
}

TEST(SseParser, JoinsDataLinesAndDefaultsTheType) {
  SseParser parser;
  const auto events = parser.feed("id: 7\ndata: first\ndata:second\n\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0], (SseEvent{"message", "first\nsecond", "7"}));
}

TEST(SseParser, DropsEventsWithoutDataAndHoldsIncompleteOnes) {
  SseParser parser;
  EXPECT_TRUE(parser.feed("event: ping\n\n").empty());
  EXPECT_TRUE(parser.feed("event: progress\ndata: {}").empty());
  const auto events = parser.feed("\n\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "progress");
}

}  // namespace
