#include "server/http/auth.h"

#include "shared/errors.h"

namespace server::http {

bool constant_time_equals(std::string_view a, std::string_view b) {
  unsigned char difference = a.size() == b.size() ? 0 : 1;
  const std::size_t length = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < length; ++i) {
    const auto x = static_cast<unsigned char>(i < a.size() ? a[i] : 0);
    const auto y = static_cast<unsigned char>(i < b.size() ? b[i] : 0);
    difference = static_cast<unsigned char>(difference | (x ^ y));
  }
  return difference == 0;
}

std::string presented_api_key(const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  return header.starts_with(kBearer) ? header.substr(kBearer.size()) : "";
}

config::Role authorize(const httplib::Request& request, const config::Config& config, Access access) {
  if (access == Access::Public || config.development_mode()) return config::Role::Editor;
  const std::string presented = presented_api_key(request);
  if (presented.empty()) {
    throw core::Error("unauthorized", "this route needs an API key: send Authorization: Bearer <key>");
  }
  // Compare with every key, always: the time taken says nothing about which key nearly matched.
  bool found = false;
  config::Role role = config::Role::App;
  for (const auto& [key, key_role] : config.api_keys) {
    if (constant_time_equals(presented, key)) {
      found = true;
      role = key_role;
    }
  }
  if (!found) throw core::Error("unauthorized", "the API key is not valid");
  if (access == Access::Editor && role != config::Role::Editor) {
    throw core::Error("forbidden", "this route is for editors; the key's role is app");
  }
  return role;
}

}  // namespace server::http
