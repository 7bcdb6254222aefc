#include "console/net/cache_policy.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstring>

namespace console::net {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::optional<std::int64_t> directive(const std::string& value, const std::string& name) {
  const auto at = value.find(name + "=");
  if (at == std::string::npos ||
      (at > 0 && std::isalnum(static_cast<unsigned char>(value[at - 1]))))
    return std::nullopt;
  const char* begin = value.data() + at + name.size() + 1;
  if (*begin == '"') ++begin;
  std::int64_t seconds = 0;
  const auto [end, error] = std::from_chars(begin, value.data() + value.size(), seconds);
  if (error != std::errc() || end == begin || seconds < 0) return std::nullopt;
  return seconds;
}

// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm): no time zone involved.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3u : 9u)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

std::optional<std::int64_t> max_age_seconds(const std::string& cache_control) {
  const std::string value = lower(cache_control);
  if (value.find("no-store") != std::string::npos || value.find("no-cache") != std::string::npos)
    return 0;
  if (const auto shared = directive(value, "s-maxage")) return shared;
  return directive(value, "max-age");
}

std::optional<std::int64_t> parse_http_date(const std::string& text) {
  static constexpr std::array<const char*, 12> kMonths{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char weekday[4] = {};
  char month[4] = {};
  int day = 0;
  int year = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (std::sscanf(text.c_str(),
                  "%3s, %d %3s %d %d:%d:%d GMT",
                  weekday,
                  &day,
                  month,
                  &year,
                  &hour,
                  &minute,
                  &second) != 7) {
    return std::nullopt;
  }
  unsigned month_number = 0;
  for (unsigned i = 0; i < kMonths.size(); ++i) {
    if (std::strcmp(kMonths[i], month) == 0) month_number = i + 1;
  }
  if (month_number == 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return std::nullopt;
  const std::int64_t days = days_from_civil(year, month_number, static_cast<unsigned>(day));
  return days * 86400 + hour * 3600 + minute * 60 + second;
}

std::int64_t expiry_time(const CacheHeaders& headers, std::int64_t now) {
  if (const auto max_age = max_age_seconds(headers.cache_control)) return now + *max_age;
  if (const auto expires = parse_http_date(headers.expires)) return *expires;
  return now + kDefaultTileLifetimeSeconds;
}

}  // namespace console::net
