#pragma once

#include <atomic>

#include "server/errors.h"
#include "server/pipeline/interfaces.h"

namespace narrando::testing {

/// Wraps a PlaceProvider; its first `failures` city() calls throw an UpstreamError
/// (retryable or not), as a flaky Google Places would.
class FlakyPlaceProvider : public server::pipeline::PlaceProvider {
 public:
  FlakyPlaceProvider(server::pipeline::PlaceProvider& inner, int failures, bool retryable)
      : m_inner(inner), m_failures(failures), m_retryable(retryable) {}

  std::string name() const override { return "flaky(" + m_inner.name() + ")"; }
  core::model::City city(const std::string& place_id,
                         const core::model::GenerationOptions& options,
                         server::pipeline::RunContext& context) override {
    if (m_failures.fetch_sub(1) > 0) {
      throw server::UpstreamError("places",
                                  m_retryable ? 503 : 403,
                                  m_retryable ? "places answered 503 UNAVAILABLE"
                                              : "places answered 403 PERMISSION_DENIED",
                                  m_retryable);
    }
    return m_inner.city(place_id, options, context);
  }
  std::vector<core::model::Attraction> attractions(const core::model::City& city,
                                                   const core::model::GenerationOptions& options,
                                                   server::pipeline::RunContext& context) override {
    return m_inner.attractions(city, options, context);
  }

 private:
  server::pipeline::PlaceProvider& m_inner;
  std::atomic<int> m_failures;
  bool m_retryable;
};

}  // namespace narrando::testing
