#include "server/support/base_url.h"

#include "shared/errors.h"

namespace server::support {

BaseUrl split_base_url(const std::string& url) {
  const std::size_t scheme_end = url.find("://");
  const std::string scheme = scheme_end == std::string::npos ? "" : url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") {
    throw core::InputError("base URL \"" + url + "\" must start with http:// or https://",
                           "invalid_config");
  }
  if (url.find_first_of("?#") != std::string::npos) {
    throw core::InputError("base URL \"" + url + "\" must not have a query or fragment",
                           "invalid_config");
  }
  const std::size_t host_start = scheme_end + 3;
  const std::size_t slash = url.find('/', host_start);
  BaseUrl split;
  split.origin = url.substr(0, slash);
  if (split.origin.size() == host_start) {
    throw core::InputError("base URL \"" + url + "\" has no host", "invalid_config");
  }
  if (slash != std::string::npos) {
    split.path_prefix = url.substr(slash);
    while (!split.path_prefix.empty() && split.path_prefix.back() == '/')
      split.path_prefix.pop_back();
  }
  return split;
}

std::string prefixed_path(const std::string& prefix, const std::string& path) {
  if (prefix.empty()) return path;
  return path.starts_with('/') ? prefix + path : prefix + "/" + path;
}

Endpoint split_endpoint(const std::string& url) {
  const std::size_t scheme = url.find("://");
  const std::size_t host = scheme == std::string::npos ? 0 : scheme + 3;
  const std::size_t slash = url.find('/', host);
  if (slash == std::string::npos) return {url, "/"};
  const std::size_t last = url.rfind('/');
  return {url.substr(0, last), url.substr(last)};
}

}  // namespace server::support
