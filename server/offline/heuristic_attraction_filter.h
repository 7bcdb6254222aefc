#pragma once

#include "server/pipeline/interfaces.h"

namespace server::offline {

/// AttractionFilter over the pure heuristic filter of shared/ (no network, no key).
class HeuristicAttractionFilter : public pipeline::AttractionFilter {
 public:
  pipeline::FilterOutcome filter(const core::model::City& city,
                                 std::vector<core::model::Attraction> candidates,
                                 const core::model::GenerationOptions& options,
                                 pipeline::RunContext& context) override;
};

}  // namespace server::offline
