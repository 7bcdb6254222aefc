#include "server/storage/sql_value.h"

#include <cstdio>
#include <cstdlib>

namespace server::storage {

std::string as_text(const SqlValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  if (const auto* real = std::get_if<double>(&value)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", *real);  // round-trips every double
    return buffer;
  }
  return {};
}

std::int64_t as_int(const SqlValue& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return *integer;
  if (const auto* real = std::get_if<double>(&value)) return static_cast<std::int64_t>(*real);
  if (const auto* text = std::get_if<std::string>(&value)) {
    if (*text == "t" || *text == "true") return 1;
    return std::strtoll(text->c_str(), nullptr, 10);
  }
  return 0;
}

double as_double(const SqlValue& value) {
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  if (const auto* text = std::get_if<std::string>(&value))
    return std::strtod(text->c_str(), nullptr);
  return 0.0;
}

bool is_null(const SqlValue& value) {
  return std::holds_alternative<std::nullptr_t>(value);
}

SqlValue text_or_null(const std::string& value) {
  if (value.empty()) return nullptr;
  return value;
}

}  // namespace server::storage
