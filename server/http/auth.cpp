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

config::Role authorize(const httplib::Request& request, const config::Config& config, Access access) {
  if (access == Access::Public || config.development_mode()) return config::Role::Editor;
  const std::string header = request.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || std::string_view(header).substr(0, kBearer.size()) != kBearer) {
    throw core::Error("unauthorized", "this route needs an API key: send Authorization: Bearer <key>");
  }
  const std::string_view presented = std::string_view(header).substr(kBearer.size());
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
