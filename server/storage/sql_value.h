#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace server::storage {

/// A value crossing the SQL boundary: NULL, integer (booleans as 0/1), real, or text
/// (timestamps as ISO 8601 UTC text, JSON as text).
using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

/// Parameters of a statement, or one result row.
using SqlRow = std::vector<SqlValue>;

/// Text of a value (empty for NULL); numbers printed exactly.
std::string as_text(const SqlValue& value);
/// Integer of a value (0 for NULL; text is parsed).
std::int64_t as_int(const SqlValue& value);
/// Real of a value (0 for NULL; text is parsed).
double as_double(const SqlValue& value);
/// True if the value is NULL.
bool is_null(const SqlValue& value);
/// NULL for an empty optional.
template <class T>
SqlValue optional_value(const std::optional<T>& value) {
  if (!value) return nullptr;
  if constexpr (std::is_same_v<T, int>)
    return static_cast<std::int64_t>(*value);
  else
    return *value;
}
/// NULL for an empty string (unique columns where "absent" must not collide).
SqlValue text_or_null(const std::string& value);

}  // namespace server::storage
