#pragma once

// A bare HTTP/1.1 exchange over a loopback socket, for requests httplib::Client will not send: no
// Content-Type, a chunked body that goes on and on, Expect: 100-continue, a declared body that
// never comes. Test-only; header-only.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace narrando::testing {

/// What the server sent back, and how much of the body it took.
struct RawExchange {
  std::string response;             ///< every byte received
  std::size_t body_bytes_sent = 0;  ///< body bytes the server accepted before answering
  bool closed_by_server = false;    ///< the server ended the connection after its answer

  /// The status of the first response line ("HTTP/1.1 413 ..."), 0 without one.
  int status() const {
    if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) return 0;
    return std::atoi(response.substr(9, 3).c_str());
  }
  /// What follows the first blank line.
  std::string body() const {
    const std::size_t end = response.find("\r\n\r\n");
    return end == std::string::npos ? "" : response.substr(end + 4);
  }
  /// True when the head of the response has a header line `line` ("Connection: close").
  bool has_header_line(const std::string& line) const {
    return response.substr(0, response.find("\r\n\r\n")).find("\r\n" + line + "\r\n") !=
           std::string::npos;
  }
};

namespace raw_http_detail {

inline bool send_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
    if (sent <= 0) return false;
    data += sent;
    size -= static_cast<std::size_t>(sent);
  }
  return true;
}

// True once `text` holds a whole final response (after any 100 Continue): head plus its
// Content-Length bytes of body.
inline bool complete(const std::string& text) {
  std::size_t start = 0;
  while (text.compare(start, 10, "HTTP/1.1 1") == 0 &&
         text.find("\r\n\r\n", start) != std::string::npos) {
    start = text.find("\r\n\r\n", start) + 4;
  }
  const std::size_t end = text.find("\r\n\r\n", start);
  if (end == std::string::npos) return false;
  const std::string head = text.substr(start, end - start);
  const std::size_t at = head.find("\r\nContent-Length: ");
  if (at == std::string::npos) return false;
  return text.size() - end - 4 >= std::stoul(head.substr(at + 18));
}

}  // namespace raw_http_detail

/// Connects to 127.0.0.1:`port` and sends `head` (request line and headers up to the blank line);
/// then `body_piece` over and over, `body_bytes` in all, stopping early as soon as the server
/// answers or stops taking data; then `tail`. Reads until the server closes, a whole response has
/// arrived, or `quiet` passes without a byte.
inline RawExchange raw_exchange(int port,
                                const std::string& head,
                                const std::string& body_piece = "",
                                std::size_t body_bytes = 0,
                                const std::string& tail = "",
                                std::chrono::milliseconds quiet = std::chrono::milliseconds(3000)) {
  RawExchange exchange;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return exchange;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  timeval send_timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &send_timeout, sizeof(send_timeout));
  bool open = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
              raw_http_detail::send_all(fd, head.data(), head.size());
  while (open && !body_piece.empty() && exchange.body_bytes_sent < body_bytes) {
    pollfd answer{fd, POLLIN, 0};
    if (::poll(&answer, 1, 0) > 0) break;  // the server answered (or closed) mid-body
    open = raw_http_detail::send_all(fd, body_piece.data(), body_piece.size());
    if (open) exchange.body_bytes_sent += body_piece.size();
  }
  if (open && exchange.body_bytes_sent >= body_bytes && !tail.empty()) {
    raw_http_detail::send_all(fd, tail.data(), tail.size());
  }
  char buffer[4096];
  while (!raw_http_detail::complete(exchange.response)) {
    pollfd readable{fd, POLLIN, 0};
    if (::poll(&readable, 1, static_cast<int>(quiet.count())) <= 0) break;
    const ssize_t received = ::recv(fd, buffer, sizeof(buffer), 0);
    if (received <= 0) {
      exchange.closed_by_server = true;
      break;
    }
    exchange.response.append(buffer, static_cast<std::size_t>(received));
  }
  if (!exchange.closed_by_server && raw_http_detail::complete(exchange.response)) {
    // Did the server end the connection after its answer? A closed socket reads as EOF (or a
    // reset).
    pollfd readable{fd, POLLIN, 0};
    if (::poll(&readable, 1, static_cast<int>(std::min<long>(quiet.count(), 1000))) > 0) {
      exchange.closed_by_server = ::recv(fd, buffer, sizeof(buffer), 0) <= 0;
    }
  }
  ::close(fd);
  return exchange;
}

}  // namespace narrando::testing
