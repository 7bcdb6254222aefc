#include "shared/json/json_reader.h"

#include <cmath>
#include <limits>

#include "shared/errors.h"

namespace core::json {
namespace {

std::string label(const std::string& path) {
  return path.empty() ? "value" : path;
}

// What nlohmann says after its "[json.exception.<kind>.<id>] " prefix, cut short: it may quote the
// offending token, which can be as long as the body.
std::string detail_of(const nlohmann::json::exception& e) {
  constexpr std::size_t kMaxDetail = 200;
  std::string text = e.what();
  if (const std::size_t end = text.find("] ");
      text.rfind("[json.exception.", 0) == 0 && end != std::string::npos) {
    text.erase(0, end + 2);
  }
  if (text.size() > kMaxDetail) text = text.substr(0, kMaxDetail) + "...";
  return text;
}

// Depth-first over a parsed value, bounded by kMaxJsonDepth.
void reject_nul(const nlohmann::json& value, const std::string& path) {
  constexpr char kNul = '\0';
  if (value.is_string()) {
    if (value.get_ref<const std::string&>().find(kNul) != std::string::npos) {
      throw InputError(label(path) + " must not contain the NUL character (U+0000)");
    }
  } else if (value.is_object()) {
    for (const auto& item : value.items()) {
      if (item.key().find(kNul) != std::string::npos) {
        throw InputError("a member name in " + label(path) +
                         " contains the NUL character (U+0000)");
      }
      reject_nul(item.value(), member_path(path, item.key()));
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) reject_nul(value[i], element_path(path, i));
  }
}

}  // namespace

void read_value_type_error(const std::string& path, const char* expected) {
  throw InputError(label(path) + " must be " + expected);
}

void read_value(const nlohmann::json& value, std::int64_t& out, const std::string& path) {
  if (value.is_number_integer()) {
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      read_value_type_error(path, "an integer in range");
    }
    out = value.get<std::int64_t>();
    return;
  }
  // 4.0 is an integer to people writing JSON by hand; 4.5 is not.
  if (value.is_number_float()) {
    const double d = value.get<double>();
    if (std::isfinite(d) && std::trunc(d) == d && std::abs(d) < 9.0e15) {
      out = static_cast<std::int64_t>(d);
      return;
    }
  }
  read_value_type_error(path, "an integer");
}

void read_value(const nlohmann::json& value, int& out, const std::string& path) {
  std::int64_t wide = 0;
  read_value(value, wide, path);
  if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
    read_value_type_error(path, "an integer in range");
  }
  out = static_cast<int>(wide);
}

void read_value(const nlohmann::json& value, std::uint64_t& out, const std::string& path) {
  if (value.is_number_unsigned()) {
    out = value.get<std::uint64_t>();
    return;
  }
  std::int64_t wide = 0;
  read_value(value, wide, path);
  if (wide < 0) read_value_type_error(path, "a non-negative integer");
  out = static_cast<std::uint64_t>(wide);
}

void read_value(const nlohmann::json& value, double& out, const std::string& path) {
  if (!value.is_number()) read_value_type_error(path, "a number");
  out = value.get<double>();
  if (!std::isfinite(out)) read_value_type_error(path, "a finite number");
}

void read_value(const nlohmann::json& value, bool& out, const std::string& path) {
  if (!value.is_boolean()) read_value_type_error(path, "true or false");
  out = value.get<bool>();
}

void read_value(const nlohmann::json& value, std::string& out, const std::string& path) {
  if (!value.is_string()) read_value_type_error(path, "a string");
  out = value.get<std::string>();
}

void read_value(const nlohmann::json& value, model::GeoPoint& out, const std::string& path) {
  ObjectReader reader(value, path, true);
  reader.required("lat", out.lat_deg);
  reader.required("lon", out.lon_deg);
  reader.finish();
}

void read_value(const nlohmann::json& value, model::BoundingBox& out, const std::string& path) {
  ObjectReader reader(value, path, true);
  reader.required("low", out.low);
  reader.required("high", out.high);
  reader.finish();
}

void read_value(const nlohmann::json& value, nlohmann::json& out, const std::string&) {
  out = value;
}

void read_value(const nlohmann::json& value,
                std::map<std::string, std::string>& out,
                const std::string& path) {
  if (!value.is_object()) read_value_type_error(path, "an object of strings");
  out.clear();
  for (const auto& [key, item] : value.items()) read_value(item, out[key], member_path(path, key));
}

ObjectReader::ObjectReader(const nlohmann::json& value, std::string path, bool strict)
    : m_value(value), m_path(std::move(path)), m_strict(strict) {
  if (!value.is_object()) read_value_type_error(m_path, "an object");
}

void ObjectReader::finish() const {
  if (!m_strict) return;
  for (const auto& item : m_value.items()) {
    if (!m_seen.contains(item.key())) {
      throw InputError("unknown field " + child(item.key().c_str()));
    }
  }
}

void ObjectReader::throw_missing(const char* key) const {
  throw InputError(child(key) + " is required");
}

nlohmann::json parse_json(const std::string& text) {
  // The parser reports the depth of each container it opens (0 for the outermost one).
  const nlohmann::json::parser_callback_t limit_depth =
      [](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        const bool opens = event == nlohmann::json::parse_event_t::object_start ||
                           event == nlohmann::json::parse_event_t::array_start;
        if (opens && depth >= kMaxJsonDepth) {
          throw InputError("malformed JSON: nested deeper than " + std::to_string(kMaxJsonDepth) +
                               " levels",
                           "invalid_json");
        }
        return true;
      };
  try {
    return nlohmann::json::parse(text, limit_depth);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError("malformed JSON at byte " + std::to_string(e.byte) + ": " + detail_of(e),
                     "invalid_json");
  } catch (const nlohmann::json::exception& e) {
    // out_of_range 406 ("number overflow parsing '1e400'") is the one other error the parser
    // raises.
    throw InputError("malformed JSON: " + detail_of(e), "invalid_json");
  }
}

nlohmann::json parse_request_json(const std::string& text) {
  nlohmann::json value = parse_json(text);
  reject_nul(value, "");
  return value;
}

}  // namespace core::json
