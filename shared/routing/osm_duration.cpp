// parse_osm_duration_s: the duration grammar of OSRM's extraction_helper_functions.hpp.
#include <charconv>
#include <cstdint>

#include "shared/routing/foot_profile.h"

namespace core::routing {
namespace {

// Reads an unsigned integer at `pos`; false if there is none.
bool read_number(std::string_view text, std::size_t& pos, std::uint64_t& value) {
  const char* begin = text.data() + pos;
  const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  if (error != std::errc() || end == begin || value > 1000000) return false;
  pos += static_cast<std::size_t>(end - begin);
  return true;
}

// "H:M:S", "H:M" or "M" (a bare number is minutes).
std::optional<double> clock_form(std::string_view text) {
  std::uint64_t parts[3] = {0, 0, 0};
  int count = 0;
  std::size_t pos = 0;
  while (true) {
    if (count == 3 || !read_number(text, pos, parts[count])) return std::nullopt;
    ++count;
    if (pos == text.size()) break;
    if (text[pos++] != ':') return std::nullopt;
  }
  if (count == 1) return static_cast<double>(parts[0] * 60);
  return static_cast<double>(parts[0] * 3600 + parts[1] * 60 + (count == 3 ? parts[2] : 0));
}

// The part after 'P': "nW", or "[nD][T[nH][nM][nS]]" (designators in either case).
std::optional<double> iso_form(std::string_view text) {
  std::size_t pos = 0;
  std::uint64_t seconds = 0;
  bool in_time = false;
  bool any = false;
  while (pos < text.size()) {
    if (text[pos] == 'T' && !in_time) {
      in_time = true;
      ++pos;
      continue;
    }
    std::uint64_t value = 0;
    if (!read_number(text, pos, value) || pos >= text.size()) return std::nullopt;
    const char unit = static_cast<char>(text[pos++] | 0x20);  // lower case
    if (!in_time && unit == 'w' && !any && pos == text.size())
      return static_cast<double>(value * 604800);
    if (!in_time && unit == 'd') {
      seconds += value * 86400;
    } else if (in_time && (unit == 'h' || unit == 'm' || unit == 's')) {
      seconds += value * (unit == 'h' ? 3600 : unit == 'm' ? 60 : 1);
    } else {
      return std::nullopt;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  return static_cast<double>(seconds);
}

}  // namespace

std::optional<double> parse_osm_duration_s(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.front() == 'P') {
    // "PThh:mm:ss" is the extended ISO form.
    if (text.size() > 2 && text[1] == 'T' && text.find(':') != std::string_view::npos) {
      const auto seconds = clock_form(text.substr(2));
      if (seconds && text.substr(2).find(':') != text.substr(2).rfind(':')) return seconds;
      return std::nullopt;
    }
    return iso_form(text.substr(1));
  }
  return clock_form(text);
}

}  // namespace core::routing
