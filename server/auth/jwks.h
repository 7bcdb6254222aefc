#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "server/auth/public_key.h"

namespace server::auth {

/// Signing keys by their "kid".
using KeySet = std::map<std::string, std::shared_ptr<const PublicKey>>;

/// What a JWKS document held: the keys that can verify tokens, and why the others were skipped.
struct ParsedJwks {
  KeySet keys;
  std::vector<std::string> skipped;  ///< "kid: why", for the log
};

/// Reads a JWKS document ({"keys": [JWK...]}, RFC 7517 §5). Keys without a "kid", of another
/// type, or otherwise unusable are skipped; an empty set is valid (a project that signs with its
/// legacy secret only publishes none). Throws core::InputError if the document is not a JWKS.
ParsedJwks parse_jwks(std::string_view document);

}  // namespace server::auth
