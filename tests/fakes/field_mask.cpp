#include "tests/fakes/field_mask.h"

#include <map>

namespace narrando::testing {
namespace {

using nlohmann::json;
using Path = std::vector<std::string>;

Path segments(const std::string& path) {
  Path out;
  std::size_t start = 0;
  for (std::size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start)) {
    out.push_back(path.substr(start, dot - start));
    start = dot + 1;
  }
  out.push_back(path.substr(start));
  return out;
}

// `tails` are the remaining segments of every path that reached `value`.
json filter(const json& value, const std::vector<Path>& tails) {
  for (const Path& tail : tails) {
    if (tail.empty() || tail.front() == "*") return value;
  }
  if (value.is_array()) {
    json out = json::array();
    for (const json& element : value) out.push_back(filter(element, tails));
    return out;
  }
  if (!value.is_object()) return value;
  std::map<std::string, std::vector<Path>> by_field;
  for (const Path& tail : tails) by_field[tail.front()].emplace_back(tail.begin() + 1, tail.end());
  json out = json::object();
  for (const auto& [field, rest] : by_field) {
    if (value.contains(field)) out[field] = filter(value[field], rest);
  }
  return out;
}

}  // namespace

std::vector<std::string> split_field_mask(const std::string& header) {
  std::vector<std::string> paths;
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t comma = header.find(',', start);
    if (comma == std::string::npos) comma = header.size();
    std::string path = header.substr(start, comma - start);
    while (!path.empty() && path.front() == ' ') path.erase(path.begin());
    while (!path.empty() && path.back() == ' ') path.pop_back();
    if (!path.empty()) paths.push_back(path);
    start = comma + 1;
  }
  return paths;
}

json apply_field_mask(const json& message, const std::vector<std::string>& paths) {
  std::vector<Path> tails;
  for (const std::string& path : paths) tails.push_back(segments(path));
  return filter(message, tails);
}

}  // namespace narrando::testing
