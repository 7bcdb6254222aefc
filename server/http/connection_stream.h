#pragma once

#include <chrono>
#include <string>

#include <httplib.h>

namespace server::http {

/// httplib's view of a connection while one thread serves one request on it: first the bytes the
/// front door already read, then the socket. A read from the socket waits no later than
/// `read_deadline` (the request's body deadline); a write fails when the client takes nothing for
/// `write_idle`. Bytes read past the request stay in the buffer for the next one. One thread;
/// the socket may be non-blocking.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(int fd,
                   std::string buffer,
                   std::chrono::steady_clock::time_point read_deadline,
                   std::chrono::milliseconds write_idle);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return m_fd; }

  /// The bytes read and not consumed (the start of the next request, if any).
  std::string take_unread();
  /// True once a read gave up at the deadline.
  bool timed_out() const { return m_timed_out; }
  /// True once the connection failed (the peer closed or reset it, a write could not finish).
  bool failed() const { return m_failed; }

 private:
  // Waits for `events` on the socket for up to `timeout_ms` (negative: none left); true if ready.
  bool wait_for(short events, int timeout_ms) const;

  int m_fd;
  std::string m_buffer;
  std::size_t m_offset = 0;
  std::chrono::steady_clock::time_point m_read_deadline;
  std::chrono::milliseconds m_write_idle;
  bool m_timed_out = false;
  bool m_failed = false;
};

}  // namespace server::http
