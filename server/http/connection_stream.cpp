#include "server/http/connection_stream.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace server::http {
namespace {

// Read from the socket in blocks, so httplib's byte-at-a-time line reading stays cheap.
constexpr std::size_t kReadBlock = 16 * 1024;

void address_of(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST] = {};
  char service[NI_MAXSERV] = {};
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address),
                    length,
                    host,
                    sizeof host,
                    service,
                    sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

}  // namespace

ConnectionStream::ConnectionStream(int fd,
                                   std::string buffer,
                                   std::chrono::steady_clock::time_point read_deadline,
                                   std::chrono::milliseconds write_idle)
    : m_fd(fd), m_buffer(std::move(buffer)), m_read_deadline(read_deadline),
      m_write_idle(write_idle) {}

bool ConnectionStream::wait_for(short events, int timeout_ms) const {
  if (timeout_ms < 0) return false;
  pollfd ready{m_fd, events, 0};
  while (true) {
    const int result = ::poll(&ready, 1, timeout_ms);
    if (result < 0 && errno == EINTR) continue;
    return result > 0 && (ready.revents & (events | POLLHUP | POLLERR)) != 0;
  }
}

bool ConnectionStream::is_readable() const {
  return m_offset < m_buffer.size() || wait_for(POLLIN, 0);
}

bool ConnectionStream::is_writable() const {
  return !m_failed && wait_for(POLLOUT, static_cast<int>(m_write_idle.count()));
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (m_offset == m_buffer.size()) {
    if (m_failed || m_timed_out) return -1;
    m_buffer.clear();
    m_offset = 0;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        m_read_deadline - std::chrono::steady_clock::now());
    if (!wait_for(POLLIN, static_cast<int>(std::max<long>(left.count(), -1)))) {
      m_timed_out = true;
      return -1;
    }
    char block[kReadBlock];
    const ssize_t got = ::recv(m_fd, block, sizeof block, MSG_DONTWAIT);
    if (got <= 0) {
      if (got < 0 && (errno == EAGAIN || errno == EINTR)) return read(ptr, size);
      m_failed = true;
      return got == 0 ? 0 : -1;
    }
    m_buffer.assign(block, static_cast<std::size_t>(got));
  }
  const std::size_t take = std::min(size, m_buffer.size() - m_offset);
  std::memcpy(ptr, m_buffer.data() + m_offset, take);
  m_offset += take;
  return static_cast<ssize_t>(take);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  std::size_t written = 0;
  while (written < size && !m_failed) {
    const ssize_t sent = ::send(m_fd, ptr + written, size - written, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent > 0) {
      written += static_cast<std::size_t>(sent);
    } else if (sent < 0 && errno == EINTR) {
      continue;
    } else if (sent < 0 && errno == EAGAIN) {
      // The client is not reading: give it write_idle to take something.
      if (!wait_for(POLLOUT, static_cast<int>(m_write_idle.count()))) m_failed = true;
    } else {
      m_failed = true;
    }
  }
  return m_failed ? -1 : static_cast<ssize_t>(written);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(m_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    address_of(address, length, ip, port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    address_of(address, length, ip, port);
}

std::string ConnectionStream::take_unread() {
  std::string unread = m_buffer.substr(m_offset);
  m_buffer.clear();
  m_offset = 0;
  return unread;
}

}  // namespace server::http
