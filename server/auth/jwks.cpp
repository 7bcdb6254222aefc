#include "server/auth/jwks.h"

#include <nlohmann/json.hpp>

#include "shared/errors.h"

namespace server::auth {

ParsedJwks parse_jwks(std::string_view document) {
  const nlohmann::json json = nlohmann::json::parse(document, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("keys") ||
      !json["keys"].is_array()) {
    throw core::InputError("the JWKS document is not a JSON object with a \"keys\" array");
  }
  ParsedJwks parsed;
  for (const nlohmann::json& jwk : json["keys"]) {
    const std::string kid = jwk.is_object() && jwk.contains("kid") && jwk["kid"].is_string()
                                ? jwk["kid"].get<std::string>()
                                : "";
    if (kid.empty()) {
      parsed.skipped.push_back("(no kid): a token names its key by kid");
      continue;
    }
    try {
      parsed.keys[kid] = PublicKey::from_jwk(jwk);
    } catch (const core::InputError& e) {
      parsed.skipped.push_back(kid + ": " + e.what());
    }
  }
  return parsed;
}

}  // namespace server::auth
