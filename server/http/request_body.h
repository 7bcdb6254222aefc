#pragma once

#include <cstddef>
#include <string>

#include <httplib.h>

/**
 * Request bodies under a hard size limit. cpp-httplib 0.11 applies set_payload_max_length() to
 * Content-Length bodies only: a chunked body, or one without a length, is appended to
 * Request::body without bound, and a gzip or brotli body is inflated into it without bound, all
 * before any handler (or the auth check) runs. So the server refuses, before routing, framing it
 * will not read (check_body_framing), and the routes that take a body read it themselves through
 * httplib's ContentReader (RequestBody), after authorisation, keeping at most the limit.
 *
 * A refused or unread body is then read on and dropped, up to kDrainFactor times the limit, so that
 * a client still sending it can finish and read the answer (RFC 9112 §9.6); past that, or when
 * framing is refused, the answer closes the connection (close_after_response) and the rest of the
 * body is never read, let alone taken for another request.
 */
namespace server::http {

/// How much of a refused body is read and dropped, as a multiple of the limit, before the
/// connection is closed instead.
constexpr std::size_t kDrainFactor = 8;

/// True for the methods whose routes read a body (POST, PUT, PATCH).
bool method_takes_body(const std::string& method);

/// True when the request declares a body: Transfer-Encoding chunked or a Content-Length above 0.
/// Without either, an HTTP/1.1 request has no body (RFC 9112 §6.3).
bool declares_body(const httplib::Request& request);

/// Refuses, before routing, framing the server will not read (throws core::Error): a malformed or
/// ambiguous Content-Length, a transfer coding other than chunked, both headers at once, or a
/// body on a method without one (400 invalid_request); a content coding other than identity
/// (415 unsupported_media_type: compressed bodies are never inflated).
void check_body_framing(const httplib::Request& request);

/// Throws core::Error 413 payload_too_large when the declared Content-Length is over `max_bytes`.
void check_declared_length(const httplib::Request& request, std::size_t max_bytes);

/// Throws core::Error 415 unsupported_media_type unless Content-Type is application/json (in any
/// case, with parameters; a charset, if given, must be utf-8). JSON is UTF-8 (RFC 8259).
void require_json_content_type(const httplib::Request& request);

/// One request's body, read through the ContentReader httplib hands a handler. Lives on the
/// handler's stack, for one call; not thread-safe. The server's payload limit must be at least
/// kDrainFactor * `max_bytes`, so that httplib itself never skips a body.
class RequestBody {
 public:
  /// `request` and `reader` must outlive this object.
  RequestBody(const httplib::Request& request,
              const httplib::ContentReader& reader,
              std::size_t max_bytes)
      : m_request(request), m_reader(reader), m_max_bytes(max_bytes) {}

  /// The whole body, decoded (empty when none is declared). Call at most once. Throws core::Error
  /// 413 payload_too_large for a body over the limit (at most the limit is kept in memory), 400
  /// invalid_request when it cannot be read (cut short, malformed chunks, read timeout).
  std::string read();

  /// After the handler: reads and drops what is left of the body (refused before or while
  /// reading), up to the drain allowance. True when the connection can carry another request;
  /// false when it must be closed: the body is larger than the allowance, or unreadable.
  bool settle();

 private:
  enum class State { Unread, Consumed, Broken };

  // Reads the rest of the body through `keep` (bytes it returns false for end the read); the
  // total read stops at the drain allowance. Returns the new state.
  State drain(const httplib::ContentReceiver& keep);

  const httplib::Request& m_request;
  const httplib::ContentReader& m_reader;
  std::size_t m_max_bytes;
  State m_state = State::Unread;
};

/// Makes `response` end its connection once written: "Connection: close", and (httplib 0.11
/// closes a connection only when a write fails) its body sent by a content provider that writes
/// it whole and then reports failure. Call as the last step before the response is written.
void close_after_response(httplib::Response& response);

}  // namespace server::http
