#pragma once

#include <string>

namespace server::support {

/// A random RFC 4122 version 4 UUID in lower-case canonical form. Thread-safe.
std::string new_uuid();

/// True if `text` is a UUID in canonical 8-4-4-4-12 hex form.
bool is_uuid(const std::string& text);

}  // namespace server::support
