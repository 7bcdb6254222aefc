#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace server::support {

/// Severity of a log line.
enum class LogLevel { Debug, Info, Warn, Error };

/// Sets the minimum level, the format (one JSON object per line, or readable text) and the
/// stream (stdout by default). Call once at start, before other threads log.
void configure_logging(LogLevel minimum, bool json, std::ostream* stream = nullptr);

/// Parses "debug", "info", "warn", "error" (anything else is info).
LogLevel log_level_from(std::string_view name);

/// True when a line of `level` is written (to skip building fields that would be dropped).
bool log_enabled(LogLevel level);

/// Writes one line: `event` plus `fields` (never put a secret in them). Thread-safe.
void log(LogLevel level,
         std::string_view event,
         const nlohmann::json& fields = nlohmann::json::object());

}  // namespace server::support
