#pragma once

#include "server/config/config.h"

namespace server::jobs {

/// The most a generation can cost (estimated USD), known before it runs: CALL_BUDGET calls at the
/// highest price among the paid services configured, plus a whole Routes matrix with
/// ROUTES_POLICY=matrix (billed per element). 0 without a paid service (embedded places, the
/// heuristic filter). The prices are the built-in table with PRICES_JSON applied.
double generation_cost_bound(const config::Config& config);

}  // namespace server::jobs
