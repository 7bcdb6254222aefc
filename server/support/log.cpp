#include "server/support/log.h"

#include <iostream>
#include <mutex>

#include "server/support/clock.h"

namespace server::support {
namespace {

struct LogSettings {
  LogLevel minimum = LogLevel::Info;
  bool json = false;
  std::ostream* stream = &std::cout;
  std::mutex mutex;
};

LogSettings& settings() {
  static LogSettings instance;
  return instance;
}

const char* level_name(LogLevel level) {
  switch (level) {
  case LogLevel::Debug: return "debug";
  case LogLevel::Info: return "info";
  case LogLevel::Warn: return "warn";
  case LogLevel::Error: return "error";
  }
  return "info";
}

}  // namespace

void configure_logging(LogLevel minimum, bool json, std::ostream* stream) {
  LogSettings& s = settings();
  std::lock_guard lock(s.mutex);
  s.minimum = minimum;
  s.json = json;
  s.stream = stream ? stream : &std::cout;
}

LogLevel log_level_from(std::string_view name) {
  if (name == "debug") return LogLevel::Debug;
  if (name == "warn") return LogLevel::Warn;
  if (name == "error") return LogLevel::Error;
  return LogLevel::Info;
}

bool log_enabled(LogLevel level) {
  return level >= settings().minimum;
}

void log(LogLevel level, std::string_view event, const nlohmann::json& fields) {
  LogSettings& s = settings();
  if (level < s.minimum) return;
  std::string line;
  if (s.json) {
    nlohmann::json record{{"ts", now_iso8601()}, {"level", level_name(level)}, {"msg", event}};
    for (const auto& item : fields.items()) record[item.key()] = item.value();
    line = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } else {
    line = now_iso8601() + " " + level_name(level) + " " + std::string(event);
    for (const auto& item : fields.items()) {
      line += " " + item.key() + "=" +
              (item.value().is_string()
                   ? item.value().get<std::string>()
                   : item.value().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  }
  std::lock_guard lock(s.mutex);
  *s.stream << line << '\n' << std::flush;
}

}  // namespace server::support
