#include "server/config/env_reader.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "shared/errors.h"

namespace server::config {
namespace {

const std::string* find(const Environment& env, const char* name) {
  const auto it = env.find(name);
  return it == env.end() || it->second.empty() ? nullptr : &it->second;
}

core::InputError out_of_range(const char* name, const std::string& what, const std::string& text) {
  return core::InputError(std::string(name) + " must be " + what + ", got \"" + text + "\"",
                          "invalid_config");
}

}  // namespace

int read_int(const Environment& env, const char* name, int fallback, int low, int high) {
  return read_optional_int(env, name, low, high).value_or(fallback);
}

std::optional<int> read_optional_int(const Environment& env, const char* name, int low, int high) {
  const std::string* text = find(env, name);
  if (text == nullptr) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < low || value > high) {
    throw out_of_range(
        name, "an integer from " + std::to_string(low) + " to " + std::to_string(high), *text);
  }
  return value;
}

double
read_double(const Environment& env, const char* name, double fallback, double low, double high) {
  const std::string* text = find(env, name);
  if (text == nullptr) return fallback;
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  if (end != text->c_str() + text->size() || !std::isfinite(value) || value < low || value > high) {
    throw out_of_range(
        name, "a number from " + std::to_string(low) + " to " + std::to_string(high), *text);
  }
  return value;
}

std::string read_choice(const Environment& env,
                        const char* name,
                        std::string fallback,
                        std::initializer_list<const char*> choices) {
  const std::string* text = find(env, name);
  if (text == nullptr) return fallback;
  std::string allowed;
  for (const char* choice : choices) {
    if (*text == choice) return *text;
    allowed += (allowed.empty() ? "" : ", ") + std::string(choice);
  }
  throw out_of_range(name, "one of " + allowed, *text);
}

std::string read_string(const Environment& env, const char* name, std::string fallback) {
  const std::string* text = find(env, name);
  return text ? *text : fallback;
}

}  // namespace server::config
