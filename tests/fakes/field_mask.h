#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace narrando::testing {

/// The paths of an X-Goog-FieldMask header ("a,b.c" -> {"a", "b.c"}); empty for an empty header.
std::vector<std::string> split_field_mask(const std::string& header);

/// `message` with only the fields `paths` name, as Google answers: "a.b" keeps field b of field a,
/// "*" (alone or at the end of a path) keeps everything below it, and a path through a repeated
/// field (an array) applies to each of its elements. Unnamed fields are omitted.
nlohmann::json apply_field_mask(const nlohmann::json& message,
                                const std::vector<std::string>& paths);

}  // namespace narrando::testing
