#include "server/http/front_door.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

#include "server/http/next_request.h"
#include "server/http/request_lanes.h"
#include "server/support/log.h"
#include "server/support/metrics.h"
#include "shared/json/service_messages.h"

namespace server::http {
namespace {

using Clock = std::chrono::steady_clock;

// Reads (GET, HEAD, OPTIONS) and writes have lanes of their own: a burst of generation requests,
// each a database transaction and perhaps a wait, must not queue ahead of the app's reads, which
// are answered from memory in microseconds.
constexpr std::size_t kReadLane = 0;
constexpr std::size_t kWriteLane = 1;
constexpr std::size_t kProbeLane = 2;
constexpr std::size_t kReadBlock = 16 * 1024;
constexpr int kMaxEvents = 256;
constexpr std::chrono::milliseconds kMaxWait{1000};

const char* reason_of(int status) {
  switch (status) {
  case 408: return "Request Timeout";
  case 431: return "Request Header Fields Too Large";
  default: return "Service Unavailable";
  }
}

// An answer the front door gives itself, in the API's error shape; the connection then closes.
void refuse(int fd,
            int status,
            const std::string& code,
            const std::string& message,
            const std::string& method) {
  const std::string body = core::json::error_document(code, message).dump();
  const std::string response =
      "HTTP/1.1 " + std::to_string(status) + " " + reason_of(status) +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\nConnection: close\r\n\r\n" + body;
  // Best effort: the socket is non-blocking and the client may not be reading.
  (void)::send(fd, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  support::Metrics::global().observe_request(method, "rejected", status, 0.0);
  support::log(support::LogLevel::Info,
               "request",
               {{"route", "rejected"},
                {"status", status},
                {"code", code},
                {"method", support::method_label(method)}});
}

std::size_t lane_of(const RequestHead& head) {
  if (head.method == "GET" && head.path == "/healthz") return kProbeLane;
  const bool read = head.method == "GET" || head.method == "HEAD" || head.method == "OPTIONS";
  return read ? kReadLane : kWriteLane;
}

}  // namespace

struct FrontDoor::Loop {
  Loop(FrontDoor& door)
      : owner(door), table(door.m_settings.limits),
        lanes({door.m_settings.threads - door.m_settings.threads / 2,
               std::max(1, door.m_settings.threads / 2),
               door.m_settings.probe_threads}),
        epoll_fd(::epoll_create1(EPOLL_CLOEXEC)) {}
  ~Loop() { ::close(epoll_fd); }

  FrontDoor& owner;
  ConnectionTable table;
  RequestLanes lanes;
  int epoll_fd;

  bool watch(int fd) {
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.fd = fd;
    return ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event) == 0;
  }
  void unwatch(int fd) { ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr); }

  void close_connection(int fd) {
    unwatch(fd);
    ::close(fd);
    table.remove(fd);
  }

  void refuse_and_close(int fd, int status, const std::string& code, const std::string& message) {
    const Connection* connection = table.find(fd);
    refuse(fd, status, code, message, connection ? connection->head.method : "");
    close_connection(fd);
  }

  void accept_all(int listen_fd, Listener listener, Clock::time_point now) {
    while (true) {
      const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR) continue;
        // EMFILE: room is made below for the next attempt; the client is still queued.
        if ((errno == EMFILE || errno == ENFILE) && make_room()) continue;
        return;
      }
      if (table.full() && !make_room()) {
        refuse(
            fd, 503, "server_busy", "every connection is serving a request; try again shortly", "");
        ::close(fd);
        continue;
      }
      const int on = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
      table.open(fd, static_cast<int>(listener), now);
      if (!watch(fd)) close_connection(fd);
    }
  }

  // Closes the connection that matters least (ConnectionTable::evictable); false if none can go.
  bool make_room() {
    const std::optional<int> victim = table.evictable();
    if (!victim) return false;
    close_connection(*victim);
    return true;
  }

  void read_from(int fd, Clock::time_point now) {
    Connection* connection = table.find(fd);
    if (connection == nullptr || connection->phase == ConnectionPhase::Busy) return;
    const ConnectionLimits& limits = owner.m_settings.limits;
    const std::size_t cap =
        limits.max_head_bytes + limits.max_body_bytes + 2 * kReadBlock + 64 * 1024;
    char block[kReadBlock];
    while (connection->buffer.size() < cap) {
      const ssize_t got = ::recv(fd, block, sizeof block, 0);
      if (got > 0) {
        connection->buffer.append(block, static_cast<std::size_t>(got));
        continue;
      }
      if (got < 0 && errno == EINTR) continue;
      if (got < 0 && errno == EAGAIN) break;
      close_connection(fd);  // closed by the client, or reset
      return;
    }
    act(*connection, table.advance(*connection, now), now);
  }

  void act(Connection& connection, Verdict verdict, Clock::time_point now) {
    if (verdict == Verdict::TooLarge) {
      refuse_and_close(
          connection.fd, 431, "header_too_large", "the request head is larger than the limit");
    } else if (verdict == Verdict::Serve) {
      dispatch(connection, now);
    }
  }

  void dispatch(Connection& connection, Clock::time_point now) {
    unwatch(connection.fd);
    auto request = std::make_shared<ReadyRequest>();
    request->fd = connection.fd;
    request->listener = static_cast<Listener>(connection.listener);
    request->bytes = std::move(connection.buffer);
    request->head = connection.head;
    request->last = owner.m_stopping || connection.served + 1 >= owner.m_settings.keep_alive_max;
    request->body_deadline = now + owner.m_settings.limits.body_timeout;
    connection.buffer.clear();
    const std::size_t lane = lane_of(request->head);
    if (lane == kProbeLane) {
      lanes.submit(kProbeLane, [door = &owner, request] {
        door->give_back(request->fd, door->serve_one(*request));
      });
    } else {
      lanes.submit(lane,
                   [door = &owner, request, served = connection.served, lanes = &lanes, lane] {
                     door->serve_connection(*request, served, *lanes, lane);
                   });
    }
  }

  void take_back(Clock::time_point now) {
    for (Returned& returned : owner.take_returned()) {
      Connection* connection = table.find(returned.fd);
      if (connection == nullptr) continue;
      if (!returned.served.keep_open || owner.m_stopping) {
        ::close(returned.fd);
        table.remove(returned.fd);
        continue;
      }
      const Verdict verdict = table.returned(
          *connection, std::move(returned.served.unread), returned.served.requests, now);
      if (verdict == Verdict::Serve) {
        dispatch(*connection, now);
      } else if (!watch(returned.fd)) {
        close_connection(returned.fd);
      } else {
        act(*connection, verdict, now);
      }
    }
  }

  void expire(Clock::time_point now) {
    for (const int fd : table.expired(now)) {
      const Connection* connection = table.find(fd);
      if (connection->phase == ConnectionPhase::Idle) {
        close_connection(fd);  // an idle keep-alive connection just ends
      } else {
        refuse_and_close(fd,
                         408,
                         "request_timeout",
                         connection->phase == ConnectionPhase::Head
                             ? "the request head did not arrive in time"
                             : "the request body did not arrive in time");
      }
    }
  }

  int wait_ms(Clock::time_point now) const {
    const auto next = table.next_deadline();
    if (!next) return static_cast<int>(kMaxWait.count());
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*next - now) +
                      std::chrono::milliseconds(1);
    return static_cast<int>(std::clamp(left, std::chrono::milliseconds(0), kMaxWait).count());
  }

  void serve() {
    std::array<epoll_event, kMaxEvents> events{};
    while (!owner.m_stopping) {
      const int count = ::epoll_wait(epoll_fd, events.data(), kMaxEvents, wait_ms(Clock::now()));
      const Clock::time_point now = Clock::now();
      for (int i = 0; i < count; ++i) {
        const int fd = events[static_cast<std::size_t>(i)].data.fd;
        if (fd == owner.m_wake_fd) {
          take_back(now);
          continue;
        }
        const auto listener = std::find_if(owner.m_listeners.begin(),
                                           owner.m_listeners.end(),
                                           [fd](const auto& entry) { return entry.first == fd; });
        if (listener != owner.m_listeners.end()) {
          accept_all(fd, listener->second, now);
        } else {
          read_from(fd, now);
        }
      }
      expire(now);
      owner.m_connections = table.size();
    }
  }

  void wind_down() {
    for (const auto& [fd, listener] : owner.m_listeners) ::close(fd);
    const std::vector<int> busy = table.busy();
    for (const int fd : table.all()) {
      if (std::find(busy.begin(), busy.end(), fd) == busy.end()) close_connection(fd);
    }
    const Clock::time_point cut = Clock::now() + owner.m_settings.drain;
    bool cut_done = false;
    while (table.size() > 0) {
      if (!cut_done && Clock::now() >= cut) {
        // Requests still being served after the drain lose their connection: their thread's next
        // read or write fails at once, whatever the client does.
        for (const int fd : table.busy()) ::shutdown(fd, SHUT_RDWR);
        cut_done = true;
      }
      std::array<epoll_event, 8> events{};
      ::epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), 50);
      take_back(Clock::now());
    }
    owner.m_connections = 0;
    lanes.stop();
  }
};

FrontDoor::FrontDoor(FrontDoorSettings settings, RequestHandler handler)
    : m_settings(settings), m_handler(std::move(handler)),
      m_wake_fd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

FrontDoor::~FrontDoor() {
  stop();
  if (!m_ran) {
    for (const auto& [fd, listener] : m_listeners) ::close(fd);
  }
  ::close(m_wake_fd);
}

void FrontDoor::add_listener(int fd, Listener listener) {
  m_listeners.emplace_back(fd, listener);
}

void FrontDoor::run() {
  m_ran = true;
  Loop loop(*this);
  loop.watch(m_wake_fd);
  for (const auto& [fd, listener] : m_listeners) loop.watch(fd);
  m_running = true;
  loop.serve();
  m_running = false;
  loop.wind_down();
}

void FrontDoor::stop() {
  m_stopping = true;
  const std::uint64_t one = 1;
  (void)::write(m_wake_fd, &one, sizeof one);
}

ServedRequest FrontDoor::serve_one(ReadyRequest& request) {
  try {
    return m_handler(request);
  } catch (...) {
    return {};  // the handler's own error answers are done by then; the connection closes
  }
}

bool FrontDoor::may_linger(const ServedRequest& served,
                           const RequestLanes& lanes,
                           std::size_t lane) {
  // Requests waiting for a thread go first: a thread serving one fast client must not starve them.
  if (!served.keep_open || m_stopping || m_settings.linger.count() <= 0 || lanes.waiting(lane))
    return false;
  if (m_lingering.fetch_add(1) < m_settings.max_lingering) return true;
  m_lingering.fetch_sub(1);
  return false;
}

void FrontDoor::serve_connection(ReadyRequest& request,
                                 int served_before,
                                 const RequestLanes& lanes,
                                 std::size_t lane) {
  ServedRequest served = serve_one(request);
  int requests = 1;
  while (may_linger(served, lanes, lane)) {
    const NextRequest next = wait_for_next_request(
        request.fd, served.unread, m_settings.limits, Clock::now() + m_settings.linger);
    m_lingering.fetch_sub(1);
    if (next.closed) served.keep_open = false;
    if (!next.head || m_stopping || lane_of(*next.head) != lane) break;
    request.bytes = std::move(served.unread);
    request.head = *next.head;
    request.last = served_before + requests + 1 >= m_settings.keep_alive_max;
    request.body_deadline = Clock::now() + m_settings.limits.body_timeout;
    served = serve_one(request);
    ++requests;
  }
  served.requests = requests;
  give_back(request.fd, std::move(served));
}

void FrontDoor::give_back(int fd, ServedRequest served) {
  {
    std::lock_guard lock(m_returned_mutex);
    m_returned.push_back({fd, std::move(served)});
  }
  const std::uint64_t one = 1;
  (void)::write(m_wake_fd, &one, sizeof one);
}

std::vector<FrontDoor::Returned> FrontDoor::take_returned() {
  std::uint64_t count = 0;
  (void)::read(m_wake_fd, &count, sizeof count);
  std::lock_guard lock(m_returned_mutex);
  return std::exchange(m_returned, {});
}

}  // namespace server::http
