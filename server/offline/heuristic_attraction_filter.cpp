#include "server/offline/heuristic_attraction_filter.h"

#include "shared/algo/heuristic_filter.h"

namespace server::offline {

pipeline::FilterOutcome
HeuristicAttractionFilter::filter(const core::model::City& city,
                                  std::vector<core::model::Attraction> candidates,
                                  const core::model::GenerationOptions& options,
                                  pipeline::RunContext&) {
  const core::algo::FilterContext context = core::algo::filter_context(city, options);
  return {core::algo::heuristic_filter(std::move(candidates), context), "heuristic"};
}

}  // namespace server::offline
