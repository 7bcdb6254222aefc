#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/http/connection_table.h"

/**
 * The accept loop in front of cpp-httplib. httplib 0.11 gives each accepted connection a thread
 * of its pool at once and has only a per-read timeout, so clients that send a byte every few
 * seconds hold a thread each for as long as they like: 64 of them stopped the server. Here one
 * thread accepts every connection and reads, with epoll, each request's head and (when its end
 * can be seen and it is within the body limit) its body, under a deadline each; only a request
 * that is all in goes to a thread, which runs httplib's request processing over the bytes read
 * (connection_stream.h). Idle keep-alive connections wait here too, not on a thread. Connections
 * are bounded: at the bound, the longest idle or slowest unfinished one is closed to make room.
 * Requests queue in lanes, each with threads of its own: reads (GET, HEAD, OPTIONS), the rest
 * (writes: a burst of generation requests must not queue ahead of the app's reads), and the
 * liveness probe (GET /healthz).
 */
namespace server::http {

class RequestLanes;

/// Which listening socket a connection came through.
enum class Listener { Api = 0, Metrics = 1 };

/// A request whose head (and, when it could be read ahead, body) is in.
struct ReadyRequest {
  int fd = -1;
  Listener listener = Listener::Api;
  std::string bytes;  ///< everything read so far, the head first
  RequestHead head;
  bool last = false;  ///< the connection closes after this request (keep-alive count, shutdown)
  std::chrono::steady_clock::time_point body_deadline;  ///< for body bytes still to be read
};

/// What became of the connection after its request was served.
struct ServedRequest {
  bool keep_open = false;
  std::string unread;  ///< bytes read past the request (the next one's start)
  int requests = 1;    ///< requests served on the connection before it came back
};

/// Serves one request on the calling thread (see ApiServer).
using RequestHandler = std::function<ServedRequest(ReadyRequest&)>;

/// The front door's settings.
struct FrontDoorSettings {
  ConnectionLimits limits;
  int threads = 64;  ///< threads for requests other than the liveness probe: half for reads (GET,
                     ///< HEAD, OPTIONS), half for the rest, each half with its own queue
  int probe_threads = 2;                  ///< threads for GET /healthz only
  int keep_alive_max = 10000;             ///< requests per connection
  std::chrono::milliseconds drain{5000};  ///< at stop, time given to requests being served
  /// After an answer, how long its thread waits for the connection's next request (next_request.h)
  /// before giving the connection back; 0: never. At most `max_lingering` threads wait at once.
  std::chrono::milliseconds linger{0};
  int max_lingering = 0;
};

/// See the comment at the top of this file. run() on one thread; stop() from any.
class FrontDoor {
 public:
  FrontDoor(FrontDoorSettings settings, RequestHandler handler);
  ~FrontDoor();
  FrontDoor(const FrontDoor&) = delete;
  FrontDoor& operator=(const FrontDoor&) = delete;

  /// Adds a bound, listening socket (the front door closes it when it ends). Before run().
  void add_listener(int fd, Listener listener);
  /// Serves until stop(): then closes the listeners and every connection not being served, gives
  /// the requests being served `drain`, cuts the connections of those still running, and returns
  /// once their threads have ended.
  void run();
  /// Makes run() wind down. Thread-safe, idempotent, callable before run().
  void stop();
  /// True while run() accepts connections.
  bool running() const { return m_running; }
  /// Connections open now (approximate; for tests and logs).
  std::size_t connections() const { return m_connections; }

 private:
  struct Loop;
  struct Returned {
    int fd;
    ServedRequest served;
  };

  // Serves `request`, then the connection's next requests while they come within the linger and
  // no other request waits for a thread; `served_before`: requests served on it before this one.
  // `lane`: the one this thread belongs to; a next request of another lane goes back to the front
  // door, which queues it in its own.
  void serve_connection(ReadyRequest& request,
                        int served_before,
                        const RequestLanes& lanes,
                        std::size_t lane);
  ServedRequest serve_one(ReadyRequest& request);
  bool may_linger(const ServedRequest& served, const RequestLanes& lanes, std::size_t lane);
  void give_back(int fd, ServedRequest served);
  std::vector<Returned> take_returned();

  FrontDoorSettings m_settings;
  RequestHandler m_handler;
  std::vector<std::pair<int, Listener>> m_listeners;
  int m_wake_fd = -1;
  std::atomic<bool> m_stopping{false};
  std::atomic<bool> m_running{false};
  bool m_ran = false;  // run() was called (and closes the listeners)
  std::atomic<std::size_t> m_connections{0};
  std::atomic<int> m_lingering{0};
  std::mutex m_returned_mutex;
  std::vector<Returned> m_returned;
};

}  // namespace server::http
