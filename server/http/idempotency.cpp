#include "server/http/idempotency.h"

#include <algorithm>

#include "server/http/request_context.h"
#include "shared/errors.h"

namespace server::http {
namespace {

constexpr std::size_t kScopeDigits = 16;
constexpr std::size_t kMaxKeyLength = 255;

}  // namespace

std::string scoped_idempotency_key(const httplib::Request& request,
                                   const std::string& caller_scope) {
  // httplib drops a header sent with no value; the front door noted it (RequestContext).
  const std::vector<std::string>& empty = RequestContext::current().empty_headers;
  const bool sent_empty = std::find(empty.begin(), empty.end(), "idempotency-key") != empty.end();
  if (!request.has_header("Idempotency-Key") && !sent_empty) return "";
  std::string key = request.get_header_value("Idempotency-Key");
  key.erase(0, key.find_first_not_of(" \t"));
  key.erase(key.find_last_not_of(" \t") + 1);
  if (key.size() >= 2 && key.front() == '"' && key.back() == '"')
    key = key.substr(1, key.size() - 2);
  const bool printable =
      std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
  if (key.empty() || key.size() > kMaxKeyLength || !printable) {
    throw core::InputError("Idempotency-Key must be 1 to " + std::to_string(kMaxKeyLength) +
                           " printable ASCII characters");
  }
  return caller_scope + ":" + key;
}

std::string client_idempotency_key(const std::string& scoped) {
  const bool is_scoped = scoped.size() > kScopeDigits && scoped[kScopeDigits] == ':' &&
                         std::all_of(scoped.begin(), scoped.begin() + kScopeDigits, [](char c) {
                           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                         });
  return is_scoped ? scoped.substr(kScopeDigits + 1) : scoped;
}

}  // namespace server::http
