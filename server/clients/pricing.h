#pragma once

#include <map>
#include <string>

namespace server::clients {

/// Estimated price of one call (or one matrix element) per SKU, in USD. The defaults are Google
/// Maps Platform and Perplexity list prices at the lowest volume tier as read in 2025; a
/// deployment overrides them with PRICES_JSON. Estimates, not invoices.
class PriceTable {
 public:
  /// The built-in list prices.
  static PriceTable defaults();
  /// Replaces prices from a JSON object {"<sku>": usd, ...}; throws core::InputError (naming
  /// PRICES_JSON) on anything else.
  void override_from_json(const std::string& text);
  /// The price of `sku`, 0 when unknown.
  double price(const std::string& sku) const;
  /// Every SKU and price.
  const std::map<std::string, double>& all() const { return m_prices; }

 private:
  std::map<std::string, double> m_prices;
};

/// The billing tier a Places (New) field mask falls into: the highest tier among its fields
/// ("ids_only", "essentials", "pro", "enterprise", "enterprise_atmosphere"). `search` selects the
/// Text/Nearby Search table (where most Essentials fields of Place Details bill as Pro).
std::string places_tier(const std::string& field_mask, bool search);

}  // namespace server::clients
