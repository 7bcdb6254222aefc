#include "server/offline/heuristic_attraction_filter.h"

#include "shared/algo/heuristic_filter.h"
#include "shared/model/languages.h"

namespace server::offline {

pipeline::FilterOutcome HeuristicAttractionFilter::filter(const core::model::City& city,
                                                          std::vector<core::model::Attraction> candidates,
                                                          const core::model::GenerationOptions& options,
                                                          pipeline::RunContext&) {
  const core::algo::FilterContext context{.city_name = city.name,
                                          .city_centre = city.centre,
                                          .tours = options.tours,
                                          .max_attractions = options.max_attractions,
                                          .minutes_per_tour = options.minutes_per_tour,
                                          .language = options.language,
                                          .local_language = core::model::country_language(city.country_code)};
  return {core::algo::heuristic_filter(std::move(candidates), context), "heuristic"};
}

}  // namespace server::offline
