#pragma once

#include <memory>
#include <vector>

#include "server/clients/http_transport.h"
#include "server/clients/pricing.h"
#include "server/clients/service_caller.h"

namespace narrando::testing {

/// Retries as the tests want them by default: 4 attempts, 10 ms first delay, capped at 200 ms.
inline constexpr server::clients::RetryPolicy kTestRetry{
    4, std::chrono::milliseconds(10), std::chrono::milliseconds(200)};

/// A real ServiceCaller on a real loopback transport, with short timeouts and recorded (not
/// slept) retry delays.
struct LoopbackCaller {
  LoopbackCaller(const std::string& service,
                 const std::string& base_url,
                 std::chrono::seconds read_timeout = std::chrono::seconds(5),
                 server::clients::RetryPolicy retry = kTestRetry)
      : caller(
            service,
            std::shared_ptr<server::clients::HttpTransport>(server::clients::make_httplib_transport(
                base_url, {std::chrono::seconds(2), read_timeout})),
            retry,
            [this](std::chrono::milliseconds delay) { sleeps.push_back(delay); }) {}

  std::vector<std::chrono::milliseconds> sleeps;
  server::clients::ServiceCaller caller;
  server::clients::PriceTable prices = server::clients::PriceTable::defaults();
};

}  // namespace narrando::testing
