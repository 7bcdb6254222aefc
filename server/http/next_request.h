#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "server/http/connection_table.h"
#include "server/http/request_framing.h"

/**
 * Waiting on a serving thread for the next request of a kept-alive connection. Handing every
 * request from the front door's loop to a thread and the connection back again costs two thread
 * wake-ups, an eventfd and two epoll_ctl per request: most of the CPU of serving a document from
 * memory (perf, bench/http-bench.sh). A client that sends its next request at once (a load
 * balancer reusing its connections to the task, a phone fetching a city's pieces) is better
 * served by the thread that answered the last one, if it waits briefly for it.
 */
namespace server::http {

/// What the wait for a next request found.
struct NextRequest {
  /// A whole request (head, and its body when it has one) at the start of the buffer.
  std::optional<RequestHead> head;
  /// The peer closed or reset the connection.
  bool closed = false;
};

/// Waits on `fd` (non-blocking) until `deadline` for one whole request, appending what arrives
/// to `buffer` (which may already hold the start of it). Returns its head when the head and a
/// Content-Length body are in (Range headers dropped, as the front door does); nothing when time
/// runs out, when bytes of a request are in but not all of it, or when the request needs the
/// front door's reading (a chunked, unclear, Expect: 100-continue or too large body, a head over
/// the limit): the connection then goes back to the front door with `buffer`.
NextRequest wait_for_next_request(int fd,
                                  std::string& buffer,
                                  const ConnectionLimits& limits,
                                  std::chrono::steady_clock::time_point deadline);

}  // namespace server::http
