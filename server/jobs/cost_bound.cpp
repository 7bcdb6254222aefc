#include "server/jobs/cost_bound.h"

#include <algorithm>

#include "server/clients/pricing.h"

namespace server::jobs {

double generation_cost_bound(const config::Config& config) {
  clients::PriceTable prices = clients::PriceTable::defaults();
  if (!config.prices_json.empty()) prices.override_from_json(config.prices_json);
  const bool google = !config.google_places_api_key.empty();
  const bool llm = !config.perplexity_api_key.empty();
  double per_call = 0.0;
  double matrix = 0.0;
  for (const auto& [sku, price] : prices.all()) {
    const bool paid = (google && (sku.starts_with("places.") ||
                                  (sku.starts_with("routes.") &&
                                   config.routes_policy != core::model::RoutesPolicy::Off))) ||
                      (llm && sku.starts_with("llm."));
    if (!paid) continue;
    if (sku == "routes.matrix_element.essentials") {
      if (config.routes_policy == core::model::RoutesPolicy::Matrix) {
        const double points = config.routes_matrix_max_points;
        matrix = points * points * price;
      }
      continue;
    }
    per_call = std::max(per_call, price);
  }
  return config.call_budget * per_call + matrix;
}

}  // namespace server::jobs
