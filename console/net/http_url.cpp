#include "console/net/http_url.h"

#include <cctype>
#include <charconv>

#include "shared/errors.h"

namespace console::net {
namespace {

void replace(std::string& text, const std::string& key, int value, bool& found) {
  const auto at = text.find(key);
  if (at == std::string::npos) return;
  text.replace(at, key.size(), std::to_string(value));
  found = true;
}

}  // namespace

SplitUrl split_url(const std::string& url) {
  SplitUrl out;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos)
    throw core::InputError("\"" + url + "\" is not a URL (http://host:port)");
  out.scheme = url.substr(0, scheme_end);
  if (out.scheme != "http" && out.scheme != "https")
    throw core::InputError("only http and https URLs are supported: " + url);
  const auto authority_start = scheme_end + 3;
  const auto path_start = url.find_first_of("/?", authority_start);
  const std::string authority = url.substr(authority_start, path_start - authority_start);
  out.path = path_start == std::string::npos ? "/" : url.substr(path_start);
  if (!out.path.empty() && out.path.front() == '?') out.path = "/" + out.path;
  const auto colon = authority.rfind(':');
  const bool bracketed = !authority.empty() && authority.back() == ']';
  if (colon != std::string::npos && !bracketed) {
    out.host = authority.substr(0, colon);
    const std::string port = authority.substr(colon + 1);
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), out.port);
    if (error != std::errc() || end != port.data() + port.size() || out.port <= 0 ||
        out.port > 65535) {
      throw core::InputError("bad port in " + url);
    }
  } else {
    out.host = authority;
    out.port = out.scheme == "https" ? 443 : 80;
  }
  if (out.host.empty()) throw core::InputError("no host in " + url);
  out.origin = out.scheme + "://" + authority;
  return out;
}

std::string normalise_base_url(const std::string& url) {
  std::string trimmed = url;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
    trimmed.pop_back();
  while (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
  split_url(trimmed);  // validates
  return trimmed;
}

std::string tile_path(const std::string& path_template, const core::algo::TileId& tile) {
  std::string path = path_template;
  bool z = false;
  bool x = false;
  bool y = false;
  replace(path, "{z}", tile.z, z);
  replace(path, "{x}", tile.x, x);
  replace(path, "{y}", tile.y, y);
  if (!z || !x || !y)
    throw core::InputError("the tile URL needs {z}, {x} and {y}: " + path_template);
  return path;
}

std::string url_escape(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out += {'%', kHex[u >> 4], kHex[u & 15]};
    }
  }
  return out;
}

}  // namespace console::net
