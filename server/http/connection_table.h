#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/http/request_framing.h"

namespace server::http {

/// The front door's limits (front_door.h): how long a request's head and body may take to
/// arrive, how long an idle connection stays open, and how much is read ahead of a thread.
struct ConnectionLimits {
  std::size_t max_connections = 1024;
  std::chrono::milliseconds header_timeout{10000};
  std::chrono::milliseconds body_timeout{30000};
  std::chrono::milliseconds keep_alive{5000};
  std::size_t max_head_bytes = 64 * 1024;
  std::size_t max_body_bytes =
      1024 * 1024;  ///< bodies up to this are read before a thread serves them
};

/// Where a connection stands.
enum class ConnectionPhase {
  Head,  ///< waiting for a request head (a new connection, or one that sent a first byte)
  Body,  ///< the head is in; waiting for the body
  Idle,  ///< between requests on a kept-alive connection
  Busy,  ///< a thread serves its request; the front door does not read it
};

/// One client connection as the front door sees it.
struct Connection {
  int fd = -1;
  int listener = 0;  ///< which listening socket accepted it (front_door.h's Listener)
  ConnectionPhase phase = ConnectionPhase::Head;
  std::string buffer;  ///< bytes read and not yet served (the head first)
  RequestHead head;    ///< with Body and Busy
  ChunkedScanner chunks;
  std::size_t chunked_seen = 0;                    ///< body bytes the scanner has been fed
  std::chrono::steady_clock::time_point since;     ///< when the current phase began
  std::chrono::steady_clock::time_point deadline;  ///< when the current phase times out
  int served = 0;                                  ///< requests served on it
  std::uint64_t order = 0;  ///< accept order, to tell apart connections of the same instant
};

/// What a connection needs after new bytes, or at its deadline.
enum class Verdict {
  Wait,      ///< more bytes are needed
  Serve,     ///< the request is in (or cannot be waited for): hand it to a thread
  TooLarge,  ///< the head exceeds the limit: answer 431 and close
};

/// The front door's connections, their phases and deadlines. Pure bookkeeping: no sockets and
/// no clock (times are passed in), so its rules are tested without waiting. Not thread-safe.
class ConnectionTable {
 public:
  explicit ConnectionTable(ConnectionLimits limits) : m_limits(limits) {}

  /// Registers a new connection, waiting for a head until now + header_timeout.
  Connection& open(int fd, int listener, std::chrono::steady_clock::time_point now);
  /// The connection on `fd`, or null.
  Connection* find(int fd);
  /// Forgets `fd` (the caller closes it).
  void remove(int fd);
  /// Connections registered.
  std::size_t size() const { return m_connections.size(); }
  /// True when another connection would exceed max_connections.
  bool full() const { return m_connections.size() >= m_limits.max_connections; }

  /// After bytes were appended to `connection.buffer`: moves it through its phases and says what
  /// it needs. With Serve the connection is Busy and its head in `connection.head`.
  Verdict advance(Connection& connection, std::chrono::steady_clock::time_point now);
  /// After a thread served `requests` requests and the connection stays open (its unread bytes
  /// in `buffer`): back to Idle until now + keep_alive, or straight on to the next head.
  Verdict returned(Connection& connection,
                   std::string buffer,
                   int requests,
                   std::chrono::steady_clock::time_point now);

  /// Connections not Busy whose deadline has passed (the caller answers and removes them).
  std::vector<int> expired(std::chrono::steady_clock::time_point now);
  /// The earliest deadline of a connection not Busy (a hint: may be earlier than the real one).
  std::optional<std::chrono::steady_clock::time_point> next_deadline() const {
    return m_next_deadline;
  }
  /// The connection to close to make room for a new one: the longest idle, else the one whose
  /// head or body has been arriving the longest. Never a Busy one; nullopt if all are Busy.
  std::optional<int> evictable() const;
  /// The fds of every connection, and of the Busy ones.
  std::vector<int> all() const;
  std::vector<int> busy() const;

 private:
  void enter(Connection& connection,
             ConnectionPhase phase,
             std::chrono::steady_clock::time_point now,
             std::chrono::milliseconds timeout);
  Verdict after_head(Connection& connection, std::chrono::steady_clock::time_point now);
  Verdict body_verdict(Connection& connection);

  ConnectionLimits m_limits;
  std::unordered_map<int, Connection> m_connections;
  std::uint64_t m_opened = 0;
  std::optional<std::chrono::steady_clock::time_point> m_next_deadline;
};

}  // namespace server::http
