#pragma once

#include "server/pipeline/interfaces.h"
#include "shared/model/run_trace.h"

namespace server::replay {

/// PlaceProvider that returns a run's recorded city and raw candidates (replays of offline runs:
/// the embedded data set may have changed since).
class ReplayPlaceProvider : public pipeline::PlaceProvider {
 public:
  explicit ReplayPlaceProvider(const core::model::RunTrace& trace) : m_trace(trace) {}

  std::string name() const override { return "replay"; }
  core::model::City
  city(const std::string&, const core::model::GenerationOptions&, pipeline::RunContext&) override {
    core::model::City city = m_trace.city;
    city.id.clear();
    return city;
  }
  std::vector<core::model::Attraction> attractions(const core::model::City&,
                                                   const core::model::GenerationOptions&,
                                                   pipeline::RunContext&) override {
    return m_trace.candidates;
  }

 private:
  const core::model::RunTrace& m_trace;
};

}  // namespace server::replay
