#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace server::auth {

/// `bytes` in base64url without padding (RFC 7515 §2), as JWS parts are written.
std::string base64url_encode(std::string_view bytes);

/// The bytes of unpadded base64url `text`; nullopt for any other character, padding, or a length
/// no encoder writes (a remainder of one character, or stray bits in the last one).
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace server::auth
