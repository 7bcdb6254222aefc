#include <algorithm>
#include <charconv>
#include <chrono>

#include "server/http/handlers.h"
#include "server/http/idempotency.h"
#include "server/http/request_context.h"
#include "server/http/responses.h"
#include "server/jobs/worker_pool.h"
#include "shared/json/documents.h"
#include "shared/json/json_reader.h"
#include "shared/json/model_json.h"

namespace server::http {
namespace {

using core::model::Job;
using core::model::JobStatus;

constexpr int kMaxWaitSeconds = 600;
constexpr std::chrono::milliseconds kStorePoll{500};

struct Preference {
  bool respond_async = false;
  int wait_seconds = 0;
};

// RFC 7240 Prefer: "respond-async" and "wait=N" (several may come, comma-separated).
Preference read_prefer(const httplib::Request& request, int default_wait) {
  Preference preference{false, default_wait};
  const std::string header = request.get_header_value("Prefer");
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(',', start);
    if (end == std::string::npos) end = header.size();
    std::string token = header.substr(start, end - start);
    token.erase(0, token.find_first_not_of(' '));
    token.erase(token.find_last_not_of(' ') + 1);
    if (token == "respond-async") preference.respond_async = true;
    if (token.starts_with("wait=")) {
      int seconds = 0;
      const auto [ptr, error] = std::from_chars(token.data() + 5, token.data() + token.size(), seconds);
      if (error == std::errc() && ptr == token.data() + token.size()) {
        preference.wait_seconds = std::clamp(seconds, 0, kMaxWaitSeconds);
      }
    }
    start = end + 1;
  }
  return preference;
}

bool finished(const Job& job) { return job.status == JobStatus::Succeeded || job.status == JobStatus::Failed; }

// Waits for the job's end on the in-process board, checking the store now and then for jobs
// that another instance runs.
Job wait_for_job(ApiContext& context, Job job, std::chrono::seconds window) {
  const auto deadline = std::chrono::steady_clock::now() + window;
  std::uint64_t seen = 0;
  auto next_store_check = std::chrono::steady_clock::now() + kStorePoll;
  while (!finished(job) && !context.stopping) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) break;
    const auto slice = std::min(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now), kStorePoll);
    if (auto snapshot = context.board.wait_newer(job.id, seen, slice)) {
      seen = snapshot->version;
      job = snapshot->job;
    }
    if (!finished(job) && std::chrono::steady_clock::now() >= next_store_check) {
      job = context.store.find_job(job.id).value_or(job);
      next_store_check = std::chrono::steady_clock::now() + kStorePoll;
    }
  }
  return job;
}

nlohmann::json accepted_body(const Job& job) {
  return {{"success", true},
          {"job_id", job.id},
          {"status", to_string(job.status)},
          {"status_url", "/api/jobs/" + job.id}};
}

void send_existing_city(ApiContext& context, const core::model::City& city, httplib::Response& response) {
  const auto number = city.published_revision ? city.published_revision : city.draft_revision;
  const auto revision = number ? context.store.load_revision(city.id, *number) : std::nullopt;
  send_json(response, 200,
            {{"success", true},
             {"city_id", city.id},
             {"tours", revision ? revision->tours.size() : 0},
             {"revision", number.value_or(0)},
             {"published", city.published_revision.has_value()},
             {"existing", true}});
}

// Who a generation is counted against: the API key (its idempotency scope).
std::string caller_of(const httplib::Request& request, const config::Config& config) {
  return api_key_caller(request, config);
}

}  // namespace

void handle_generate_city(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const nlohmann::json body = parse_body(request);
  core::json::ObjectReader reader(body, "", true);
  std::string place_id;
  reader.required("place_id", place_id);
  reader.ignore("options");
  reader.finish();
  const core::model::GenerationOptions options =
      core::json::parse_generation_options(body.value("options", nlohmann::json()), "options");
  context.places.check_place_id(place_id);
  const std::string idempotency_key = scoped_idempotency_key(request, context.config);
  const config::Role role = RequestContext::current().role;
  // Regenerating costs Google and LLM calls whatever the city: the app key ships inside the app.
  if (options.force && role != config::Role::Editor) {
    throw core::Error("forbidden", "\"force\" regenerates a city at a cost: it is for editor keys");
  }

  // A key used before answers with its own job (whatever cities exist now), or refuses another request.
  const std::optional<Job> keyed =
      idempotency_key.empty() ? std::nullopt : context.store.find_job_by_idempotency_key(idempotency_key);
  if (keyed) storage::require_same_request(*keyed, place_id, options);
  if (!keyed && !options.force) {
    if (const auto city = context.store.find_city_by_place(place_id)) {
      send_existing_city(context, *city, response);
      return;
    }
  }
  const Preference preference = read_prefer(request, context.config.wait_seconds);
  // A replayed key joins its own job: no new work, no bounds to pass.
  const std::optional<jobs::SpendBudget::Ticket> ticket =
      keyed ? std::nullopt
            : std::optional(context.admission.admit(context.store, caller_of(request, context.config), role, response));
  const storage::EnqueueResult queued = context.store.enqueue_job(place_id, options, idempotency_key);
  if (ticket) context.admission.queued(*ticket, queued.job.id, queued.joined);
  if (!queued.joined && context.pool != nullptr) context.pool->notify();

  // Without a free wait slot the answer is the 202 a client gets when the window runs out.
  std::optional<WaitSlots::Slot> slot;
  if (!preference.respond_async) slot.emplace(context.wait_slots.try_take());
  const bool waits = slot.has_value() && static_cast<bool>(*slot);
  const Job job = waits ? wait_for_job(context, queued.job, std::chrono::seconds(preference.wait_seconds)) : queued.job;
  response.set_header("X-Job-Id", job.id);
  if (job.status == JobStatus::Succeeded && job.result) {
    send_json(response, 200,
              {{"success", true},
               {"city_id", job.result->city_id},
               {"tours", job.result->tours},
               {"job_id", job.id},
               {"revision", job.result->revision},
               {"published", job.result->published},
               {"joined", queued.joined}});
  } else if (job.status == JobStatus::Failed) {
    const std::string code = job.error ? job.error->code : "internal";
    nlohmann::json error_body = core::json::error_document(code, job.error ? job.error->message : "the job failed");
    error_body["job_id"] = job.id;
    send_json(response, status_for_code(code), error_body);
  } else {
    response.set_header("Location", "/api/jobs/" + job.id);
    nlohmann::json accepted = accepted_body(job);
    accepted["joined"] = queued.joined;
    send_json(response, 202, accepted);
  }
}

}  // namespace server::http
