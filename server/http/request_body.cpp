#include "server/http/request_body.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "shared/errors.h"

namespace server::http {
namespace {

std::string trimmed_lower(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t");
  std::string out = text.substr(first, last - first + 1);
  std::transform(
      out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::vector<std::string> header_values(const httplib::Request& request, const char* name) {
  std::vector<std::string> values;
  const std::size_t count = request.get_header_value_count(name);
  for (std::size_t i = 0; i < count; ++i) values.push_back(request.get_header_value(name, i));
  return values;
}

bool is_chunked(const httplib::Request& request) {
  const auto values = header_values(request, "Transfer-Encoding");
  return values.size() == 1 && trimmed_lower(values.front()) == "chunked";
}

// The declared Content-Length: every copy of the header must be the same run of digits.
std::optional<std::uint64_t> content_length(const httplib::Request& request) {
  const auto values = header_values(request, "Content-Length");
  if (values.empty()) return std::nullopt;
  const std::string first = trimmed_lower(values.front());
  const bool digits =
      !first.empty() && first.size() <= 18 &&
      std::all_of(first.begin(), first.end(), [](unsigned char c) { return std::isdigit(c); });
  const bool same = std::all_of(
      values.begin(), values.end(), [&](const auto& v) { return trimmed_lower(v) == first; });
  if (!digits || !same) throw core::InputError("Content-Length must be one non-negative integer");
  return std::stoull(first);
}

core::Error too_large(std::size_t max_bytes) {
  return core::Error("payload_too_large",
                     "the request body is larger than the limit of " + std::to_string(max_bytes) +
                         " bytes");
}

}  // namespace

bool method_takes_body(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH";
}

bool declares_body(const httplib::Request& request) {
  if (request.has_header("Transfer-Encoding")) return true;
  const std::string length = trimmed_lower(request.get_header_value("Content-Length"));
  return !length.empty() && length.find_first_not_of('0') != std::string::npos;
}

void check_body_framing(const httplib::Request& request) {
  const std::optional<std::uint64_t> length = content_length(request);
  if (request.has_header("Transfer-Encoding")) {
    // A length next to a transfer coding is how requests are smuggled past proxies (RFC 9112 §6.1).
    if (length) throw core::InputError("send Content-Length or Transfer-Encoding, not both");
    if (!is_chunked(request))
      throw core::InputError("the only Transfer-Encoding accepted is chunked");
  }
  if (!declares_body(request)) return;
  if (!method_takes_body(request.method))
    throw core::InputError(request.method + " requests take no body");
  for (const std::string& coding : header_values(request, "Content-Encoding")) {
    const std::string value = trimmed_lower(coding);
    if (!value.empty() && value != "identity") {
      // Compressed request bodies are refused rather than inflated: a 200 KB gzip body can
      // inflate to gigabytes, and the API's JSON bodies are small.
      throw core::Error("unsupported_media_type",
                        "request bodies must not be compressed (Content-Encoding: " + coding +
                            "); send plain JSON");
    }
  }
}

void check_declared_length(const httplib::Request& request, std::size_t max_bytes) {
  const std::optional<std::uint64_t> length = content_length(request);
  if (length && *length > max_bytes) throw too_large(max_bytes);
}

void require_json_content_type(const httplib::Request& request) {
  const std::string header = request.get_header_value("Content-Type");
  const std::string type = trimmed_lower(header.substr(0, header.find(';')));
  bool utf8 = true;
  for (std::size_t at = header.find(';'); at != std::string::npos; at = header.find(';', at + 1)) {
    const std::string parameter =
        trimmed_lower(header.substr(at + 1, header.find(';', at + 1) - at - 1));
    if (parameter.rfind("charset=", 0) == 0) {
      std::string charset = parameter.substr(8);
      charset.erase(std::remove(charset.begin(), charset.end(), '"'), charset.end());
      utf8 = charset == "utf-8" || charset == "utf8";
    }
  }
  if (type == "application/json" && utf8) return;
  const std::string given =
      header.empty() ? "no Content-Type" : "Content-Type " + header.substr(0, 100);
  throw core::Error("unsupported_media_type",
                    "the request body must be JSON sent as Content-Type: application/json "
                    "(UTF-8); got " +
                        given);
}

std::string RequestBody::read() {
  if (m_state != State::Unread) throw std::logic_error("RequestBody::read called twice");
  if (!declares_body(m_request)) {
    m_state = State::Consumed;
    return "";
  }
  check_declared_length(m_request, m_max_bytes);  // settle() drains it, if it is not too large
  std::string body;
  bool over_limit = false;
  // Decoded bytes are counted as they arrive: at most the limit is kept, whatever the framing.
  m_state = drain([&](const char* data, std::size_t length) {
    if (!over_limit && length <= m_max_bytes - body.size()) {
      body.append(data, length);
    } else if (!over_limit) {
      over_limit = true;
      body = std::string();  // dropped: only its size mattered
    }
    return true;
  });
  if (over_limit) throw too_large(m_max_bytes);
  if (m_state == State::Broken) {
    throw core::InputError("the request body could not be read: it was cut short or badly framed");
  }
  return body;
}

bool RequestBody::settle() {
  if (m_state == State::Unread) {
    const std::optional<std::uint64_t> length = content_length(m_request);
    const bool too_long = length && *length > kDrainFactor * m_max_bytes;
    m_state = !declares_body(m_request) ? State::Consumed
              : too_long                ? State::Broken
                                        : drain([](const char*, std::size_t) { return true; });
  }
  return m_state == State::Consumed;
}

RequestBody::State RequestBody::drain(const httplib::ContentReceiver& keep) {
  const std::size_t allowance = kDrainFactor * m_max_bytes;
  std::size_t seen = 0;
  bool exhausted = false;
  const bool complete = m_reader([&](const char* data, std::size_t length) {
    seen += length;
    exhausted = seen > allowance;
    return !exhausted && keep(data, length);
  });
  return complete && !exhausted ? State::Consumed : State::Broken;
}

void close_after_response(httplib::Response& response) {
  response.headers.erase("Keep-Alive");
  if (response.get_header_value("Connection") != "close")
    response.set_header("Connection", "close");
  if (response.body.empty()) return;  // every error answer has a body; nothing else needs this
  auto body = std::make_shared<const std::string>(std::move(response.body));
  response.body.clear();
  const std::string type = response.get_header_value("Content-Type");
  response.headers.erase("Content-Type");  // set_content_provider sets it again
  response.set_content_provider(
      body->size(),
      type.c_str(),
      [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        if (offset < body->size()) {
          sink.write(body->data() + offset, std::min(length, body->size() - offset));
        }
        return false;  // the whole answer is out: make httplib close the socket
      });
}

}  // namespace server::http
