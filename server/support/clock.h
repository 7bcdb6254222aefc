#pragma once

#include <chrono>
#include <string>

namespace server::support {

/// Current UTC time as ISO 8601 with milliseconds, e.g. "2026-11-25T09:31:00.123Z".
std::string now_iso8601();

/// `time` as ISO 8601 UTC with milliseconds.
std::string to_iso8601(std::chrono::system_clock::time_point time);

/// Parses what to_iso8601 writes (also without milliseconds); throws std::invalid_argument.
std::chrono::system_clock::time_point from_iso8601(const std::string& text);

/// Seconds elapsed since `start` on the steady clock.
double seconds_since(std::chrono::steady_clock::time_point start);

}  // namespace server::support
