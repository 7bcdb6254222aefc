#include "server/support/secrets.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace server::support {
namespace {

constexpr std::string_view kMask = "***";

bool is_password_key(std::string_view key) {
  std::string lower(key);
  std::transform(
      lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower == "password" || lower == "sslpassword";
}

// A span [begin, end) of `text` holding a password.
struct Span {
  std::size_t begin;
  std::size_t end;
};

// postgres://user:password@host...: the password of the userinfo (before the last '@' of the
// authority, so an unencoded '@' in the password is covered).
void userinfo_password(const std::string& url, std::vector<Span>& spans) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return;
  const std::size_t authority = scheme + 3;
  const std::size_t path = url.find_first_of("/?", authority);
  const std::size_t at = url.rfind('@', path == std::string::npos ? std::string::npos : path);
  if (at == std::string::npos || at < authority) return;
  const std::size_t colon = url.find(':', authority);
  if (colon != std::string::npos && colon < at) spans.push_back({colon + 1, at});
}

// ?password=...&sslpassword=...: values end at '&' or '#'.
void query_passwords(const std::string& url, std::vector<Span>& spans) {
  std::size_t start = url.find('?');
  while (start != std::string::npos && start < url.size()) {
    ++start;
    const std::size_t end = std::min(url.find('&', start), url.find('#', start));
    const std::size_t equals = url.find('=', start);
    if (equals != std::string::npos && equals < end &&
        is_password_key(url.substr(start, equals - start))) {
      spans.push_back({equals + 1, end == std::string::npos ? url.size() : end});
    }
    start = end == std::string::npos || url[end] == '#' ? std::string::npos : end;
  }
}

// key=value key = 'quoted \' value': libpq's keyword/value form.
void keyword_passwords(const std::string& text, std::vector<Span>& spans) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t key_start = i;
    while (i < text.size() && text[i] != '=' && !std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
    const std::string_view key = std::string_view(text).substr(key_start, i - key_start);
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size() || text[i] != '=') {
      ++i;  // not key=value: skip the word
      continue;
    }
    ++i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t value_start = i;
    if (i < text.size() && text[i] == '\'') {
      for (++i; i < text.size() && text[i] != '\''; ++i) {
        if (text[i] == '\\') ++i;
      }
      i = std::min(i + 1, text.size());
    } else {
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    }
    if (is_password_key(key)) spans.push_back({value_start, i});
  }
}

std::vector<Span> password_spans(const std::string& conninfo) {
  std::vector<Span> spans;
  if (conninfo.find("://") != std::string::npos) {
    userinfo_password(conninfo, spans);
    query_passwords(conninfo, spans);
  } else {
    keyword_passwords(conninfo, spans);
  }
  std::sort(
      spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  return spans;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// A quoted keyword value as libpq reads it: without the quotes and escapes.
std::string unquoted(std::string_view value) {
  if (value.size() < 2 || value.front() != '\'') return std::string(value);
  std::string out;
  for (std::size_t i = 1; i + 1 < value.size(); ++i) {
    if (value[i] == '\\' && i + 2 < value.size()) ++i;
    out += value[i];
  }
  return out;
}

}  // namespace

std::string redact_connection_string(const std::string& conninfo) {
  std::string out;
  std::size_t copied = 0;
  for (const Span& span : password_spans(conninfo)) {
    if (span.begin < copied) continue;
    out += conninfo.substr(copied, span.begin - copied);
    out += kMask;
    copied = span.end;
  }
  return out + conninfo.substr(std::min(copied, conninfo.size()));
}

std::vector<std::string> connection_passwords(const std::string& conninfo) {
  std::vector<std::string> passwords;
  for (const Span& span : password_spans(conninfo)) {
    const std::string_view raw =
        std::string_view(conninfo).substr(span.begin, span.end - span.begin);
    if (raw.empty()) continue;
    passwords.emplace_back(raw);
    const std::string decoded =
        conninfo.find("://") != std::string::npos ? percent_decoded(raw) : unquoted(raw);
    if (decoded != raw && !decoded.empty()) passwords.push_back(decoded);
  }
  return passwords;
}

std::string scrub(std::string text, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.empty()) continue;
    for (std::size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + kMask.size())) {
      text.replace(at, secret.size(), kMask);
    }
  }
  return text;
}

}  // namespace server::support
