#pragma once

#include <nlohmann/json.hpp>

#include "shared/model/city.h"
#include "shared/model/revision.h"

namespace core::json {

/// The city document of the API (GET /api/cities/{id}) and of `generate --json`:
/// {"success": true, "city": {...}, "revision": {number, status, ...}, "attractions": [...],
///  "tours": [...]}.
nlohmann::json city_document(const model::City& city, const model::Revision& revision);

/// A city and revision back from city_document's JSON. Throws core::InputError.
void parse_city_document(const nlohmann::json& document, model::City& city, model::Revision& revision);

/// {"success": false, "error": {"code": ..., "message": ...}}: the error shape of every answer.
nlohmann::json error_document(const std::string& code, const std::string& message);

}  // namespace core::json
