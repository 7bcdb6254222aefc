#include "server/clients/pricing.h"

#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

#include "shared/errors.h"

namespace server::clients {
namespace {

constexpr std::array<std::string_view, 5> kTiers{
    "ids_only", "essentials", "pro", "enterprise", "enterprise_atmosphere"};

// Tier of a field in Place Details (search: see places_tier). Unknown fields count as Enterprise
// + Atmosphere: better to over-estimate than to hide a cost.
int details_tier(std::string_view field) {
  static const std::map<std::string_view, int> kFields{{"id", 0},
                                                       {"name", 0},
                                                       {"attributions", 0},
                                                       {"addressComponents", 1},
                                                       {"formattedAddress", 1},
                                                       {"location", 1},
                                                       {"viewport", 1},
                                                       {"types", 1},
                                                       {"photos", 1},
                                                       {"plusCode", 1},
                                                       {"shortFormattedAddress", 1},
                                                       {"adrFormatAddress", 1},
                                                       {"displayName", 2},
                                                       {"primaryType", 2},
                                                       {"primaryTypeDisplayName", 2},
                                                       {"googleMapsUri", 2},
                                                       {"businessStatus", 2},
                                                       {"utcOffsetMinutes", 2},
                                                       {"accessibilityOptions", 2},
                                                       {"rating", 3},
                                                       {"userRatingCount", 3},
                                                       {"websiteUri", 3},
                                                       {"priceLevel", 3},
                                                       {"regularOpeningHours", 3},
                                                       {"currentOpeningHours", 3},
                                                       {"nationalPhoneNumber", 3},
                                                       {"internationalPhoneNumber", 3},
                                                       {"editorialSummary", 4},
                                                       {"reviews", 4},
                                                       {"generativeSummary", 4}};
  const auto it = kFields.find(field);
  return it == kFields.end() ? 4 : it->second;
}

}  // namespace

PriceTable PriceTable::defaults() {
  PriceTable table;
  table.m_prices = {
      {"places.details.ids_only", 0.0},
      {"places.details.essentials", 0.005},
      {"places.details.pro", 0.017},
      {"places.details.enterprise", 0.020},
      {"places.details.enterprise_atmosphere", 0.025},
      {"places.text_search.ids_only", 0.0},
      {"places.text_search.essentials", 0.032},
      {"places.text_search.pro", 0.032},
      {"places.text_search.enterprise", 0.035},
      {"places.text_search.enterprise_atmosphere", 0.040},
      {"places.nearby.pro", 0.032},
      {"places.nearby.essentials", 0.032},
      {"places.nearby.enterprise", 0.035},
      {"places.nearby.enterprise_atmosphere", 0.040},
      {"routes.compute_routes.essentials", 0.005},  // up to 10 intermediate waypoints
      {"overpass.interpreter",
       0.0},  // public Overpass instances are free (fair use); a self-hosted one is yours
      {"routes.compute_routes.pro", 0.010},         // 11 to 25 intermediate waypoints
      {"routes.matrix_element.essentials", 0.005},  // per origin x destination element
      {"llm.request", 0.006},  // Sonar request fee + tokens, used when the answer reports no cost
  };
  return table;
}

void PriceTable::override_from_json(const std::string& text) {
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object())
    throw core::InputError("PRICES_JSON must be a JSON object {\"<sku>\": usd}", "invalid_config");
  for (const auto& [sku, price] : json.items()) {
    if (!price.is_number() || price.get<double>() < 0) {
      throw core::InputError("PRICES_JSON: the price of " + sku + " must be a non-negative number",
                             "invalid_config");
    }
    m_prices[sku] = price.get<double>();
  }
}

double PriceTable::price(const std::string& sku) const {
  const auto it = m_prices.find(sku);
  return it == m_prices.end() ? 0.0 : it->second;
}

std::string places_tier(const std::string& field_mask, bool search) {
  int tier = 0;
  std::size_t start = 0;
  while (start <= field_mask.size()) {
    const std::size_t comma = field_mask.find(',', start);
    std::string_view field =
        std::string_view(field_mask)
            .substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    start = comma == std::string::npos ? field_mask.size() + 1 : comma + 1;
    if (field.starts_with("places.")) field.remove_prefix(7);
    if (field.empty() || field == "nextPageToken") continue;
    int field_tier = details_tier(field);
    // Text and Nearby Search have no Essentials tier beyond ids: location & co. bill as Pro.
    if (search && field_tier == 1) field_tier = 2;
    tier = std::max(tier, field_tier);
  }
  return std::string(kTiers[static_cast<std::size_t>(tier)]);
}

}  // namespace server::clients
