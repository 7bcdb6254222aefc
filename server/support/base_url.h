#pragma once

#include <string>

namespace server::support {

/// A service's base URL split the way httplib needs it: httplib::Client takes only
/// "scheme://host[:port]", so a gateway's path ("/v1") must go in front of every request path.
struct BaseUrl {
  std::string origin;       ///< "https://host[:port]"
  std::string path_prefix;  ///< "/v1", "/a/b", or "" for none; never ends with '/'
};

/// Splits "scheme://host[:port][/prefix][/]" (http or https; trailing slashes dropped). Throws
/// core::InputError for another scheme, an empty host, or a query or fragment.
BaseUrl split_base_url(const std::string& url);

/// `prefix` (as in BaseUrl) followed by `path` ("/chat/completions",
/// "/v1/places/x?languageCode=en"), with exactly one '/' between them.
std::string prefixed_path(const std::string& prefix, const std::string& path);

/// An endpoint URL ("https://overpass-api.de/api/interpreter") as a base URL for a transport and
/// the path of its requests: {"https://overpass-api.de/api", "/interpreter"}; a URL without a path
/// gives the path "/".
struct Endpoint {
  std::string base_url;
  std::string path;
};
/// Splits `url` as Endpoint says (no validation: the transport checks the base URL).
Endpoint split_endpoint(const std::string& url);

}  // namespace server::support
