#include <gtest/gtest.h>

#include <deque>

#include "server/clients/service_caller.h"
#include "server/errors.h"

namespace {

using namespace server::clients;

// Answers from a script, and remembers what it was sent.
class ScriptedTransport : public HttpTransport {
 public:
  explicit ScriptedTransport(std::deque<HttpResponse> script) : m_script(std::move(script)) {}
  HttpResponse send(const HttpRequest& request) override {
    sent.push_back(request);
    HttpResponse next = m_script.front();
    if (m_script.size() > 1) m_script.pop_front();
    return next;
  }
  std::vector<HttpRequest> sent;

 private:
  std::deque<HttpResponse> m_script;
};

HttpResponse
answer(int status, std::string body = "{}", std::map<std::string, std::string> headers = {}) {
  return {status, std::move(body), std::move(headers), ""};
}

struct Harness {
  explicit Harness(std::deque<HttpResponse> script)
      : transport(std::make_shared<ScriptedTransport>(std::move(script))),
        caller("places",
               transport,
               {4, std::chrono::milliseconds(100), std::chrono::milliseconds(5000)},
               [this](std::chrono::milliseconds d) { sleeps.push_back(d); }) {}
  HttpResponse call() {
    HttpRequest request;
    request.path = "/v1/places:searchText";
    request.body = R"({"textQuery": "museums in Porto"})";
    request.headers = {{"X-Goog-Api-Key", "AIzaSECRET"}};
    return caller.call(request, "searchText", {"places.text_search.pro", 0.032}, context);
  }
  std::shared_ptr<ScriptedTransport> transport;
  std::vector<std::chrono::milliseconds> sleeps;
  ServiceCaller caller;
  server::pipeline::RunContext context;
};

TEST(ServiceCaller, RetriesServerErrorsAndRecordsEveryAttempt) {
  Harness h({answer(500), answer(503), answer(200, R"({"places": []})")});
  EXPECT_EQ(h.call().status, 200);
  ASSERT_EQ(h.context.calls.size(), 3u);
  EXPECT_EQ(h.context.calls[0].status, 500);
  EXPECT_EQ(h.context.calls[0].attempt, 1);
  EXPECT_EQ(h.context.calls[2].attempt, 3);
  EXPECT_EQ(h.context.calls[2].sku, "places.text_search.pro");
  EXPECT_DOUBLE_EQ(h.context.calls[0].cost_usd, 0.0) << "failed calls are not billed";
  EXPECT_DOUBLE_EQ(h.context.calls[2].cost_usd, 0.032);
  EXPECT_EQ(h.context.calls[2].path, "/v1/places:searchText");
  EXPECT_EQ(h.sleeps.size(), 2u);
  EXPECT_GE(h.sleeps[1], h.sleeps[0] / 2) << "backoff grows (with jitter)";
  for (const auto& call : h.context.calls)
    EXPECT_EQ(call.request_body.find("AIzaSECRET"), std::string::npos);
}

TEST(ServiceCaller, HonoursRetryAfterOn429) {
  Harness h({answer(429, "{}", {{"retry-after", "3"}}), answer(200)});
  h.call();
  ASSERT_EQ(h.sleeps.size(), 1u);
  EXPECT_GE(h.sleeps[0], std::chrono::milliseconds(3000));
}

TEST(ServiceCaller, HonoursGoogleRetryInfo) {
  Harness h(
      {answer(
           503,
           R"({"error": {"code": 503, "status": "UNAVAILABLE", "details": [{"retryDelay": "2s"}]}})"),
       answer(200)});
  h.call();
  ASSERT_EQ(h.sleeps.size(), 1u);
  EXPECT_GE(h.sleeps[0], std::chrono::milliseconds(2000));
}

TEST(ServiceCaller, DoesNotRetryClientErrorsAndNamesTheStatus) {
  Harness h({answer(
      403,
      R"({"error": {"code": 403, "message": "Places API has not been used", "status": "PERMISSION_DENIED"}})")});
  try {
    h.call();
    FAIL() << "a 403 passed";
  } catch (const server::UpstreamError& e) {
    EXPECT_EQ(e.status(), 403);
    EXPECT_FALSE(e.retryable());
    EXPECT_EQ(std::string(e.what()),
              "places searchText failed after 1 attempt: HTTP 403 PERMISSION_DENIED: Places API "
              "has not been used");
  }
  EXPECT_EQ(h.transport->sent.size(), 1u);
}

TEST(ServiceCaller, GivesUpAfterItsAttemptsOnTimeouts) {
  Harness h({HttpResponse{0, "", {}, "Read timeout"}});
  try {
    h.call();
    FAIL() << "timeouts passed";
  } catch (const server::UpstreamError& e) {
    EXPECT_TRUE(e.retryable());
    EXPECT_NE(std::string(e.what()).find("after 4 attempts: no response (Read timeout)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(h.transport->sent.size(), 4u);
}

TEST(ServiceCaller, StopsWhenTheRunsCallBudgetIsSpent) {
  Harness h({answer(500)});
  h.context.call_budget = 2;
  EXPECT_THROW(h.call(), server::UpstreamError);
  EXPECT_EQ(h.transport->sent.size(), 2u);
  EXPECT_EQ(h.context.call_budget, 0);
  try {
    h.call();
  } catch (const server::UpstreamError& e) {
    EXPECT_NE(std::string(e.what()).find("budget"), std::string::npos);
    EXPECT_FALSE(e.retryable());
  }
}

TEST(ServiceCaller, RespectsXShouldRetryFalseAndPassesThroughChosenStatuses) {
  Harness h({answer(503, "{}", {{"x-should-retry", "false"}})});
  EXPECT_THROW(h.call(), server::UpstreamError);
  EXPECT_EQ(h.transport->sent.size(), 1u);
  Harness h404({answer(404)});
  HttpRequest request;
  EXPECT_EQ(h404.caller.call(request, "getPlace", {}, h404.context, {404}).status, 404);
}

TEST(DescribeFailure, NeverAssumesJson) {
  EXPECT_EQ(
      describe_failure({401, "<html><title>401 Authorization Required</title></html>", {}, ""}),
      "HTTP 401 (an HTML page)");
  EXPECT_EQ(describe_failure({502, "Bad Gateway", {}, ""}), "HTTP 502 (a non-JSON body)");
  EXPECT_EQ(describe_failure({0, "", {}, "Connection refused"}),
            "no response (Connection refused)");
  EXPECT_EQ(describe_failure({400, R"({"error": {"message": "bad", "type": "x"}})", {}, ""}),
            "HTTP 400: bad");
}

}  // namespace
