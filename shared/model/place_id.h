#pragma once

#include <string>

namespace core::model {

/// Throws core::InputError (code "invalid_place_id") unless `place_id` is a Google place id
/// (10..1024 characters of A-Z a-z 0-9 _ -) or "geonames:<digits>".
void validate_place_id(const std::string& place_id);

}  // namespace core::model
