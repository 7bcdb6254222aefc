#include <chrono>
#include <optional>

#include "server/http/handlers.h"
#include "server/http/idempotency.h"
#include "server/http/prefer_header.h"
#include "server/http/request_context.h"
#include "server/http/responses.h"
#include "shared/json/job_messages.h"
#include "shared/json/model_json.h"
#include "shared/json/service_messages.h"

namespace server::http {
namespace {

using core::model::Job;
using core::model::JobStatus;

void send_existing_city(const service::ExistingCity& existing, httplib::Response& response) {
  core::json::GenerateAnswer answer;
  answer.city_id = existing.city.id;
  answer.tours = existing.revision ? static_cast<int>(existing.revision->tours.size()) : 0;
  answer.revision = existing.revision ? existing.revision->number : 0;
  answer.published = existing.city.published_revision.has_value();
  answer.existing = true;
  send_json(response, 200, answer);
}

}  // namespace

void handle_generate_city(ApiContext& context,
                          const httplib::Request& request,
                          httplib::Response& response) {
  const auto [place_id, options] = parse_body(request).get<core::json::GenerateRequest>();
  const config::Role role = RequestContext::current().role;
  const std::string caller = RequestContext::current().caller;  // an API key or an app user
  // Regenerating costs Google and LLM calls whatever the city: the app key ships inside the app.
  if (options.force && role != config::Role::Editor) {
    throw core::Error("forbidden", "\"force\" regenerates a city at a cost: it is for editor keys");
  }
  std::optional<jobs::SpendBudget::Ticket> ticket;
  const std::string idempotency_key =
      scoped_idempotency_key(request, RequestContext::current().caller_scope);
  service::GenerateCall call{place_id, options, idempotency_key, {}};
  call.admission.admit = [&] {
    ticket = context.admission.admit(context.operations.store(), caller, role, response);
  };
  call.admission.queued = [&](const std::string& job_id, bool joined) {
    if (ticket) context.admission.queued(*ticket, job_id, joined);
  };
  const service::Submission submission = context.generation.submit(call, role);
  if (submission.existing) {
    send_existing_city(*submission.existing, response);
    return;
  }
  const Preference preference =
      read_prefer(request.get_header_value("Prefer"), context.config.wait_seconds);
  const storage::EnqueueResult& queued = submission.queued;
  Job job = queued.job;
  // Without a free wait slot the answer is the 202 a client gets when the window runs out.
  std::optional<WaitSlots::Slot> slot;
  if (!preference.respond_async) slot.emplace(context.wait_slots.try_take());
  if (slot && *slot) {
    job = context.generation.wait(
        job, std::chrono::seconds(preference.wait_seconds), context.stopping);
  }
  response.set_header("X-Job-Id", job.id);
  if (job.status == JobStatus::Succeeded && job.result) {
    send_json(response,
              200,
              core::json::GenerateAnswer{job.result->city_id,
                                         job.result->tours,
                                         job.id,
                                         job.result->revision,
                                         job.result->published,
                                         false,
                                         queued.joined});
  } else if (job.status == JobStatus::Failed) {
    const core::json::ErrorAnswer error{job.error ? job.error->code : "internal",
                                        job.error ? job.error->message : "the job failed",
                                        job.id};
    send_json(response, status_for_code(error.code), error);
  } else {
    response.set_header("Location", core::json::job_status_url(job.id));
    send_json(response, 202, core::json::JobAccepted{job.id, job.status, queued.joined});
  }
}

}  // namespace server::http
