#include "server/http/prefer_header.h"

#include <algorithm>
#include <charconv>

namespace server::http {

Preference read_prefer(const std::string& header, int default_wait) {
  Preference preference{false, default_wait};
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(',', start);
    if (end == std::string::npos) end = header.size();
    std::string token = header.substr(start, end - start);
    token.erase(0, token.find_first_not_of(' '));
    token.erase(token.find_last_not_of(' ') + 1);
    if (token == "respond-async") preference.respond_async = true;
    if (token.starts_with("wait=")) {
      int seconds = 0;
      const auto [ptr, error] =
          std::from_chars(token.data() + 5, token.data() + token.size(), seconds);
      if (error == std::errc() && ptr == token.data() + token.size()) {
        preference.wait_seconds = std::clamp(seconds, 0, kMaxWaitSeconds);
      }
    }
    start = end + 1;
  }
  return preference;
}

}  // namespace server::http
