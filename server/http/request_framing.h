#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/**
 * How much of a request the front door (front_door.h) reads before a thread serves it: the whole
 * head, and a body it can see the end of. Pure functions over bytes; they only find boundaries.
 * httplib still parses the request and decides what it means, so a request these functions
 * misjudge is only handed over early (its thread then reads the rest under the body deadline),
 * never split differently.
 */
namespace server::http {

/// How a request's body is framed, as far as the front door can tell.
enum class BodyFraming {
  None,     ///< no Content-Length above 0, no Transfer-Encoding
  Length,   ///< one Content-Length
  Chunked,  ///< Transfer-Encoding: chunked alone
  Unclear,  ///< anything else (conflicting, malformed): served at once, and refused there
};

/// What the front door learns from a request head.
struct RequestHead {
  std::size_t bytes = 0;  ///< request line, headers and the blank line
  std::string method;
  std::string path;  ///< the target without its query
  BodyFraming body = BodyFraming::None;
  std::uint64_t content_length = 0;        ///< with BodyFraming::Length
  bool expect_continue = false;            ///< the client waits for "100 Continue" before its body
  std::vector<std::string> empty_headers;  ///< lower-case names of headers sent with no value
};

/// Where a head scan stands.
enum class HeadScan { Incomplete, Complete, TooLarge };

/// Looks for a whole head at the start of `bytes` (no more than `max_bytes` of it). On Complete,
/// fills `head`. TooLarge when `max_bytes` pass without the blank line.
HeadScan scan_head(std::string_view bytes, std::size_t max_bytes, RequestHead& head);

/// Removes the Range and If-Range header lines from the head at the start of `buffer` (`head`
/// as scan_head filled it; its byte count is updated). The API ignores Range (RFC 9110 §14.2):
/// every answer is the whole document.
void drop_range_headers(std::string& buffer, RequestHead& head);

/// Follows a chunked body (RFC 9112 §7.1) through the bytes fed to it, to find where it ends.
/// Not thread-safe; one per body.
class ChunkedScanner {
 public:
  /// Reads `bytes` (the next bytes of the body); returns how many belong to it (all of them
  /// until the end is found).
  std::size_t feed(std::string_view bytes);
  /// True once the last chunk and the trailer section are complete.
  bool complete() const { return m_state == State::Done; }
  /// True when the framing is broken (a size that is not hex, a missing CRLF): the body's
  /// reader refuses it, so there is no end to wait for.
  bool broken() const { return m_state == State::Broken; }

 private:
  enum class State { Size, SizeLine, Data, DataEnd, Trailer, Done, Broken };
  State m_state = State::Size;
  std::uint64_t m_remaining = 0;  // bytes of the current chunk still to come
  int m_size_digits = 0;
  bool m_line_has_bytes = false;  // a trailer line has content (not the final blank line)
  bool m_last_chunk = false;
  char m_previous = 0;  // the byte before, to find CRLF
};

}  // namespace server::http
