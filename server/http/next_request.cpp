#include "server/http/next_request.h"

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>

namespace server::http {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kReadBlock = 16 * 1024;

enum class Scan { Whole, Wait, GiveBack };

// Whether `buffer` starts with a request this thread may serve now.
Scan scan(std::string& buffer, const ConnectionLimits& limits, RequestHead& head) {
  if (buffer.empty()) return Scan::Wait;
  switch (scan_head(buffer, limits.max_head_bytes, head)) {
  case HeadScan::TooLarge: return Scan::GiveBack;
  case HeadScan::Incomplete: return Scan::Wait;
  case HeadScan::Complete: break;
  }
  if (head.expect_continue) return Scan::GiveBack;
  if (head.body == BodyFraming::None) return Scan::Whole;
  if (head.body != BodyFraming::Length || head.content_length > limits.max_body_bytes)
    return Scan::GiveBack;
  return buffer.size() - head.bytes >= head.content_length ? Scan::Whole : Scan::Wait;
}

}  // namespace

NextRequest wait_for_next_request(int fd,
                                  std::string& buffer,
                                  const ConnectionLimits& limits,
                                  Clock::time_point deadline) {
  NextRequest next;
  const std::size_t cap = limits.max_head_bytes + limits.max_body_bytes;
  char block[kReadBlock];
  while (true) {
    RequestHead head;
    const Scan found = scan(buffer, limits, head);
    if (found == Scan::Whole) {
      drop_range_headers(buffer, head);
      next.head = std::move(head);
      return next;
    }
    if (found == Scan::GiveBack || buffer.size() >= cap) return next;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    // Bytes of a request that are in but incomplete: the front door waits for the rest under
    // its head and body deadlines, not a thread.
    if (left.count() <= 0 || !buffer.empty()) return next;
    pollfd ready{fd, POLLIN, 0};
    const int polled = ::poll(&ready, 1, static_cast<int>(left.count()));
    if (polled < 0 && errno == EINTR) continue;
    if (polled <= 0) return next;
    while (buffer.size() < cap) {
      const ssize_t got = ::recv(fd, block, sizeof block, MSG_DONTWAIT);
      if (got > 0) {
        buffer.append(block, static_cast<std::size_t>(got));
        continue;
      }
      if (got < 0 && errno == EINTR) continue;
      if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      next.closed = true;  // closed by the client, or reset
      return next;
    }
  }
}

}  // namespace server::http
