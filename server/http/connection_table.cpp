#include "server/http/connection_table.h"

#include <algorithm>
#include <tuple>

namespace server::http {
namespace {

using TimePoint = std::chrono::steady_clock::time_point;

// Chunk sizes, extensions and CRLFs around a body of max_body_bytes: a client framing its body
// in tiny chunks still has it read ahead up to this much overhead.
constexpr std::size_t kChunkFramingAllowance = 64 * 1024;

}  // namespace

Connection& ConnectionTable::open(int fd, int listener, TimePoint now) {
  Connection& connection = m_connections[fd];
  connection = Connection{};
  connection.fd = fd;
  connection.listener = listener;
  connection.order = ++m_opened;
  enter(connection, ConnectionPhase::Head, now, m_limits.header_timeout);
  return connection;
}

Connection* ConnectionTable::find(int fd) {
  const auto it = m_connections.find(fd);
  return it == m_connections.end() ? nullptr : &it->second;
}

void ConnectionTable::remove(int fd) {
  m_connections.erase(fd);
}

void ConnectionTable::enter(Connection& connection,
                            ConnectionPhase phase,
                            TimePoint now,
                            std::chrono::milliseconds timeout) {
  connection.phase = phase;
  connection.since = now;
  connection.deadline = now + timeout;
  if (phase != ConnectionPhase::Busy &&
      (!m_next_deadline || connection.deadline < *m_next_deadline)) {
    m_next_deadline = connection.deadline;
  }
}

Verdict ConnectionTable::advance(Connection& connection, TimePoint now) {
  if (connection.phase == ConnectionPhase::Idle && !connection.buffer.empty()) {
    // A request begins: its head gets the head deadline from its first byte.
    enter(connection, ConnectionPhase::Head, now, m_limits.header_timeout);
  }
  if (connection.phase == ConnectionPhase::Head) {
    switch (scan_head(connection.buffer, m_limits.max_head_bytes, connection.head)) {
    case HeadScan::Incomplete: return Verdict::Wait;
    case HeadScan::TooLarge: return Verdict::TooLarge;
    case HeadScan::Complete: return after_head(connection, now);
    }
  }
  if (connection.phase == ConnectionPhase::Body) {
    const Verdict verdict = body_verdict(connection);
    if (verdict == Verdict::Serve) enter(connection, ConnectionPhase::Busy, now, {});
    return verdict;
  }
  return Verdict::Wait;
}

Verdict ConnectionTable::after_head(Connection& connection, TimePoint now) {
  drop_range_headers(connection.buffer, connection.head);
  const RequestHead& head = connection.head;
  // A body is read ahead only when its end can be seen and it is within the limit. Otherwise the
  // thread reads it (under the body deadline) and its route refuses it: an Expect: 100-continue
  // client waits for the server's answer, an oversized body is answered 413 unread, and unclear
  // framing is answered 400.
  const bool read_ahead =
      !head.expect_continue &&
      ((head.body == BodyFraming::Length && head.content_length <= m_limits.max_body_bytes) ||
       head.body == BodyFraming::Chunked);
  if (!read_ahead) {
    enter(connection, ConnectionPhase::Busy, now, {});
    return Verdict::Serve;
  }
  connection.chunks = ChunkedScanner{};
  connection.chunked_seen = 0;
  enter(connection, ConnectionPhase::Body, now, m_limits.body_timeout);
  return advance(connection, now);
}

Verdict ConnectionTable::body_verdict(Connection& connection) {
  const RequestHead& head = connection.head;
  const std::size_t body_bytes = connection.buffer.size() - head.bytes;
  if (head.body == BodyFraming::Length)
    return body_bytes >= head.content_length ? Verdict::Serve : Verdict::Wait;
  const std::string_view unseen =
      std::string_view(connection.buffer).substr(head.bytes + connection.chunked_seen);
  connection.chunked_seen += connection.chunks.feed(unseen);
  const bool over = connection.chunked_seen > m_limits.max_body_bytes + kChunkFramingAllowance;
  return connection.chunks.complete() || connection.chunks.broken() || over ? Verdict::Serve
                                                                            : Verdict::Wait;
}

Verdict
ConnectionTable::returned(Connection& connection, std::string buffer, int requests, TimePoint now) {
  connection.buffer = std::move(buffer);
  connection.head = RequestHead{};
  connection.served += requests;
  enter(connection, ConnectionPhase::Idle, now, m_limits.keep_alive);
  return connection.buffer.empty() ? Verdict::Wait : advance(connection, now);
}

std::vector<int> ConnectionTable::expired(TimePoint now) {
  std::vector<int> fds;
  if (!m_next_deadline || now < *m_next_deadline) return fds;
  m_next_deadline.reset();
  for (const auto& [fd, connection] : m_connections) {
    if (connection.phase == ConnectionPhase::Busy) continue;
    if (connection.deadline <= now) {
      fds.push_back(fd);
    } else if (!m_next_deadline || connection.deadline < *m_next_deadline) {
      m_next_deadline = connection.deadline;
    }
  }
  return fds;
}

std::optional<int> ConnectionTable::evictable() const {
  const Connection* chosen = nullptr;
  // Idle connections go first (their client has nothing to send), then the oldest unfinished one.
  const auto rank = [](const Connection& c) { return c.phase == ConnectionPhase::Idle ? 0 : 1; };
  for (const auto& [fd, connection] : m_connections) {
    if (connection.phase == ConnectionPhase::Busy) continue;
    const auto key = [&rank](const Connection& c) {
      return std::make_tuple(rank(c), c.since, c.order);
    };
    if (chosen == nullptr || key(connection) < key(*chosen)) {
      chosen = &connection;
    }
  }
  return chosen ? std::optional<int>(chosen->fd) : std::nullopt;
}

std::vector<int> ConnectionTable::all() const {
  std::vector<int> fds;
  for (const auto& [fd, connection] : m_connections) fds.push_back(fd);
  return fds;
}

std::vector<int> ConnectionTable::busy() const {
  std::vector<int> fds;
  for (const auto& [fd, connection] : m_connections) {
    if (connection.phase == ConnectionPhase::Busy) fds.push_back(fd);
  }
  return fds;
}

}  // namespace server::http
