#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/model/enum_names.h"
#include "shared/model/geo_point.h"

namespace core::json {

/// Throws core::InputError("<path> must be <expected>").
[[noreturn]] void read_value_type_error(const std::string& path, const char* expected);

/// Reads `value` at `path` (used in error messages, e.g. "options.tours") into typed fields.
/// Every read_value overload throws core::InputError naming the path and the expected type.
void read_value(const nlohmann::json& value, int& out, const std::string& path);
void read_value(const nlohmann::json& value, std::int64_t& out, const std::string& path);
void read_value(const nlohmann::json& value, std::uint64_t& out, const std::string& path);
void read_value(const nlohmann::json& value, double& out, const std::string& path);
void read_value(const nlohmann::json& value, bool& out, const std::string& path);
void read_value(const nlohmann::json& value, std::string& out, const std::string& path);
void read_value(const nlohmann::json& value, model::GeoPoint& out, const std::string& path);
void read_value(const nlohmann::json& value, model::BoundingBox& out, const std::string& path);
/// Any JSON value, as is (a member read later, or passed on).
void read_value(const nlohmann::json& value, nlohmann::json& out, const std::string& path);
/// An object whose members are all strings ({"building": "office"}).
void read_value(const nlohmann::json& value,
                std::map<std::string, std::string>& out,
                const std::string& path);

/// A named enum (shared/model/enum_names.h) from its name; any other string names the path and
/// the names it may take.
template <model::NamedEnum E>
void read_value(const nlohmann::json& value, E& out, const std::string& path) {
  if (!value.is_string()) read_value_type_error(path, "a string");
  out = model::parse_enum<E>(value.get_ref<const std::string&>(), path);
}

/// Any other type that has a from_json (model and message types): read by it.
template <class T>
requires(!std::is_arithmetic_v<T> && !model::NamedEnum<T>) void read_value(
    const nlohmann::json& value, T& out, const std::string&) {
  value.get_to(out);
}

/// Optional values: JSON null or a value of T.
template <class T>
void read_value(const nlohmann::json& value, std::optional<T>& out, const std::string& path) {
  if (value.is_null()) {
    out.reset();
    return;
  }
  T inner{};
  read_value(value, inner, path);
  out = std::move(inner);
}

/// The path of member `key` of the value at `path` ("options" + "tours" -> "options.tours").
inline std::string member_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

/// The path of element `index` of the array at `path` ("tours", 0 -> "tours[0]").
inline std::string element_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

/// Arrays of T.
template <class T>
void read_value(const nlohmann::json& value, std::vector<T>& out, const std::string& path);

/// Reads the members of one JSON object, checking types; with `strict`, finish() rejects
/// members that were never read (catches typos in requests).
class ObjectReader {
 public:
  /// Throws core::InputError if `value` is not an object.
  ObjectReader(const nlohmann::json& value, std::string path, bool strict);

  /// Reads `key` into `out`; throws if it is missing or has the wrong type.
  template <class T>
  void required(const char* key, T& out) {
    m_seen.insert(key);
    const auto it = m_value.find(key);
    if (it == m_value.end()) throw_missing(key);
    read_value(*it, out, child(key));
  }

  /// Reads `key` into `out` when present (leaving `out` as is otherwise).
  template <class T>
  void optional(const char* key, T& out) {
    m_seen.insert(key);
    const auto it = m_value.find(key);
    if (it != m_value.end()) read_value(*it, out, child(key));
  }

  /// Marks `key` as known without reading it (derived, read-only members).
  void ignore(const char* key) { m_seen.insert(key); }

  /// In strict mode, throws core::InputError naming the first member that was not read.
  void finish() const;

 private:
  std::string child(const char* key) const { return member_path(m_path, key); }
  [[noreturn]] void throw_missing(const char* key) const;

  const nlohmann::json& m_value;
  std::string m_path;
  bool m_strict;
  std::set<std::string, std::less<>> m_seen;
};

template <class T>
void read_value(const nlohmann::json& value, std::vector<T>& out, const std::string& path) {
  if (!value.is_array()) read_value_type_error(path, "an array");
  out.clear();
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    T item{};
    read_value(value[i], item, element_path(path, i));
    out.push_back(std::move(item));
  }
}

/// JSON null for an empty optional, else the value.
template <class T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

/// Deepest nesting of arrays and objects parse_json accepts: far beyond any request or document
/// the product exchanges, and shallow enough that the recursive copies and dumps of a parsed value
/// cannot exhaust a thread's stack.
constexpr int kMaxJsonDepth = 64;

/// Parses text as JSON; throws core::InputError (code "invalid_json") for anything nlohmann
/// refuses (syntax, invalid UTF-8, lone surrogates, numbers beyond double range) and for nesting
/// deeper than kMaxJsonDepth. Never throws a nlohmann exception.
nlohmann::json parse_json(const std::string& text);

/// parse_json for a request body, plus what every text input must satisfy on every backend: no
/// string or member name may hold U+0000 (PostgreSQL cannot store it; SQLite would). Throws
/// core::InputError naming the member's path (e.g. "tours[0].stops[1].attraction_id").
nlohmann::json parse_request_json(const std::string& text);

}  // namespace core::json
