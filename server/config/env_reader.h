#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>

/// Reading configuration values from the environment map, with errors that name the variable
/// (and quote the value only for variables that are not secret; callers pass secrets to
/// read_string only).
namespace server::config {

/// The environment: variable name to value.
using Environment = std::map<std::string, std::string>;

/// `name` as an integer in [low, high], `fallback` when unset or empty. Throws core::InputError.
int read_int(const Environment& env, const char* name, int fallback, int low, int high);
/// `name` as an integer in [low, high], nullopt when unset or empty. Throws core::InputError.
std::optional<int> read_optional_int(const Environment& env, const char* name, int low, int high);
/// `name` as a decimal number in [low, high], `fallback` when unset or empty. Throws
/// core::InputError.
double
read_double(const Environment& env, const char* name, double fallback, double low, double high);
/// `name` if it is one of `choices`, `fallback` when unset or empty. Throws core::InputError.
std::string read_choice(const Environment& env,
                        const char* name,
                        std::string fallback,
                        std::initializer_list<const char*> choices);
/// `name`, or `fallback` when unset or empty.
std::string read_string(const Environment& env, const char* name, std::string fallback);

}  // namespace server::config
