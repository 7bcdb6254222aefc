#include <chrono>

#include "server/http/handlers.h"
#include "server/http/idempotency.h"
#include "server/http/request_context.h"
#include "server/http/responses.h"
#include "server/service/job_watch.h"
#include "shared/json/job_messages.h"

namespace server::http {
namespace {

constexpr std::chrono::milliseconds kEventWait{1000};
constexpr std::chrono::seconds kKeepAlive{15};

core::json::JobAnswer job_answer(core::model::Job job) {
  job.idempotency_key = client_idempotency_key(job.idempotency_key);  // not whose key it is
  return {std::move(job)};
}

core::model::Job require_job(ApiContext& context, const std::string& job_id) {
  RequestContext::current().job_id = job_id;
  return context.reads.require_job(job_id);
}

// One server-sent event: "event: <name>" and the job as its data, on one line.
std::string event_text(const char* name, const core::model::Job& job) {
  return std::string("event: ") + name + "\ndata: " +
         nlohmann::json(job_answer(job))
             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n\n";
}

}  // namespace

void handle_get_job(ApiContext& context,
                    const httplib::Request& request,
                    httplib::Response& response) {
  send_json(response, 200, job_answer(require_job(context, request.matches[1])));
}

void handle_job_events(ApiContext& context,
                       const httplib::Request& request,
                       httplib::Response& response) {
  const core::model::Job first = require_job(context, request.matches[1]);
  response.set_header("Cache-Control", "no-cache");
  response.set_header("X-Accel-Buffering", "no");
  struct StreamState {
    service::JobWatch watch;
    bool sent_first = false;
    std::chrono::steady_clock::time_point last_write;
  };
  auto state = std::make_shared<StreamState>(
      StreamState{context.generation.watch(first), false, context.clock.steady_now()});
  response.set_chunked_content_provider(
      "text/event-stream", [&context, state](std::size_t, httplib::DataSink& sink) {
        const auto write = [&](const std::string& text) {
          state->last_write = context.clock.steady_now();
          return sink.write(text.data(), text.size());
        };
        if (!state->sent_first) {
          state->sent_first = true;
          if (!write(event_text("progress", state->watch.job()))) return false;
        }
        if (state->watch.finished() || context.stopping) {
          write(event_text("end", state->watch.job()));
          sink.done();
          return true;
        }
        if (state->watch.wait_for_change(kEventWait))
          return write(event_text("progress", state->watch.job()));
        if (context.clock.steady_now() - state->last_write > kKeepAlive)
          return write(": keep-alive\n\n");
        return sink.is_writable();
      });
}

}  // namespace server::http
