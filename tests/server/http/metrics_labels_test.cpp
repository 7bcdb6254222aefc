// /metrics in the open (issue 15, point 3): its series are bounded whatever clients send (unknown
// methods and unrouted paths collapse to one label each), a request refused before routing is
// counted as "rejected" (never under the route of the request before it), and /metrics can move
// to its own port or behind a key.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "tests/server/http/http_helpers.h"
#include "tests/support/raw_http.h"
#include "tests/support/test_server.h"

namespace {

using narrando::testing::raw_exchange;
using narrando::testing::TestServer;

std::string metrics_of(int port, const httplib::Headers& headers = {}) {
  httplib::Client client("127.0.0.1", port);
  const auto result = client.Get("/metrics", headers);
  return result && result->status == 200 ? result->body : "";
}

// The value of the series `labels` of narrando_http_requests_total (0 when absent).
long requests_counted(const std::string& metrics, const std::string& labels) {
  const std::string series = "narrando_http_requests_total{" + labels + "} ";
  const std::size_t at = metrics.find(series);
  return at == std::string::npos ? 0 : std::stol(metrics.substr(at + series.size()));
}

std::size_t series_count(const std::string& metrics) {
  std::size_t count = 0;
  for (std::size_t at = metrics.find("\nnarrando_http_requests_total{"); at != std::string::npos;
       at = metrics.find("\nnarrando_http_requests_total{", at + 1)) {
    ++count;
  }
  return count;
}

TEST(MetricsLabels, HundredsOfInventedMethodsAndPathsAddNoSeries) {
  TestServer server;
  // Warm up every label the sweep below can produce once.
  raw_exchange(server.port(), "WARM /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  raw_exchange(server.port(), "GET /warm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  // The warm-up's own GET /metrics is counted once its answer is written: wait for it.
  std::string before = metrics_of(server.port());
  for (int i = 0;
       i < 100 && requests_counted(before, R"(method="GET",route="/metrics",status="200")") < 1;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    before = metrics_of(server.port());
  }
  for (int i = 0; i < 500; ++i) {
    const std::string n = std::to_string(i);
    raw_exchange(server.port(), "M" + n + " /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    raw_exchange(server.port(),
                 "GET /no/such/" + n + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  }
  // A request is counted just after its answer is written: give the last one a moment.
  std::string after = metrics_of(server.port());
  for (int i = 0;
       i < 100 && requests_counted(after, R"(method="GET",route="unmatched",status="404")") < 501;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    after = metrics_of(server.port());
  }
  EXPECT_EQ(series_count(after), series_count(before)) << before << "\n----\n" << after;
  EXPECT_LT(after.size(), before.size() + 512) << "the exposition grew with the requests";
  EXPECT_EQ(after.find("method=\"M1"), std::string::npos);
  EXPECT_GE(requests_counted(after, R"(method="other",route="rejected",status="400")"), 500);
  EXPECT_GE(requests_counted(after, R"(method="GET",route="unmatched",status="404")"), 500);
}

TEST(MetricsLabels, ARequestRefusedBeforeRoutingIsCountedAsRejectedNotUnderThePreviousRoute) {
  TestServer server;
  const std::string before = metrics_of(server.port());
  // One connection: a routed request, then one httplib refuses before any route (a bad request
  // line), then one refused for its framing.
  const auto exchange = raw_exchange(server.port(),
                                     "GET /api/cities HTTP/1.1\r\nHost: x\r\n\r\n"
                                     "GET\r\n\r\n");
  EXPECT_EQ(exchange.status(), 200);
  raw_exchange(
      server.port(),
      "GET /api/cities HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc");
  // A request is counted just after its answer is written, maybe after the client read it: give
  // both refused ones a moment (a third would still fail the check below).
  std::string after = metrics_of(server.port());
  const auto delta = [&](const std::string& labels) {
    return requests_counted(after, labels) - requests_counted(before, labels);
  };
  const auto rejected = [&] {
    return delta(R"(method="other",route="rejected",status="400")") +
           delta(R"(method="GET",route="rejected",status="400")");
  };
  for (int i = 0; i < 100 && rejected() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    after = metrics_of(server.port());
  }
  EXPECT_EQ(delta(R"(method="GET",route="/api/cities",status="200")"), 1);
  EXPECT_EQ(delta(R"(method="GET",route="/api/cities",status="400")"), 0) << after;
  EXPECT_EQ(rejected(), 2) << after;
}

TEST(MetricsAccess, WithAMetricsPortMetricsAreServedThereAndNowhereElse) {
  TestServer server{{{"METRICS_PORT", "0"}}};
  const int metrics_port = server.api().metrics_port();
  ASSERT_GT(metrics_port, 0);
  ASSERT_NE(metrics_port, server.port());
  httplib::Client api("127.0.0.1", server.port());
  httplib::Client metrics("127.0.0.1", metrics_port);
  EXPECT_EQ(api.Get("/metrics")->status, 404);
  EXPECT_EQ(api.Get("/healthz")->status, 200);
  const auto served = metrics.Get("/metrics");
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200);
  EXPECT_NE(served->body.find("narrando_http_requests_total"), std::string::npos);
  EXPECT_EQ(metrics.Get("/api/cities")->status, 404);
  EXPECT_EQ(metrics.Get("/healthz")->status, 404);
}

TEST(MetricsAccess, WithAMetricsKeyMetricsNeedIt) {
  const std::string key = "metrics-key-0123456789";
  TestServer server{{{"METRICS_KEY", key}}};
  httplib::Client client("127.0.0.1", server.port());
  narrando::testing::expect_error(client.Get("/metrics"), 401, "unauthorized");
  narrando::testing::expect_error(
      client.Get("/metrics", narrando::testing::bearer("wrong-key-0123456789")),
      401,
      "unauthorized");
  const auto served = client.Get("/metrics", narrando::testing::bearer(key));
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200);
}

}  // namespace
