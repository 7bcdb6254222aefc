#pragma once

#include <vector>

#include "server/pipeline/interfaces.h"

namespace server::pipeline {

/// The last word on a tour's promise, after its final legs: a tour whose measured walks and visits
/// exceed its budget loses its least valuable stops (core::algo::drop_until_within_budget), then
/// asks `distances` for the legs of its new order and keeps them when they fit; a tour left under
/// core::algo::kMinStopsPerTour stops (and not pinned by an editor) is dropped. What was repaired
/// goes into `context.notes`; titles are set again. No tour leaves over its budget.
void keep_within_budgets(const core::model::City& city,
                         std::vector<core::model::Tour>& tours,
                         DistanceProvider& distances,
                         const core::model::GenerationOptions& options,
                         RunContext& context);

}  // namespace server::pipeline
