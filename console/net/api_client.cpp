#include "console/net/api_client.h"

#include <httplib.h>

#include "console/net/http_url.h"
#include "console/net/sse_parser.h"
#include "console/net/wire_mapping.h"
#include "shared/json/edit_messages.h"
#include "shared/json/job_messages.h"
#include "shared/json/json_reader.h"
#include "shared/json/service_messages.h"

namespace console::net {
namespace {

constexpr int kConnectTimeoutSeconds = 5;
// Replanning a large city or loading a long run trace takes a while; the frame never waits for it.
constexpr int kReadTimeoutSeconds = 120;
// The events stream sends a keep-alive comment every 15 s: longer silence means a dead server.
constexpr int kEventsReadTimeoutSeconds = 40;

[[noreturn]] void throw_answer_error(const httplib::Response& response) {
  const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  try {
    const auto error = body.get<core::json::ErrorAnswer>();
    throw ApiError(error.code, error.message, response.status);
  } catch (const core::InputError&) {
    // Not the API's error shape (a proxy's page, an empty body): show what came.
  } catch (const nlohmann::json::exception&) {}
  const std::string snippet = response.body.substr(0, 200);
  throw ApiError("http_" + std::to_string(response.status),
                 snippet.empty() ? "no details" : snippet,
                 response.status);
}

std::string query_of(const std::string& key, const std::string& value) {
  return "?" + key + "=" + url_escape(value);
}

}  // namespace

ApiClient::ApiClient(const std::string& base_url, const std::string& api_key)
    : m_base_url(normalise_base_url(base_url)) {
  const SplitUrl url = split_url(m_base_url);
  m_prefix = url.path == "/" ? "" : url.path;
  m_client = std::make_unique<httplib::Client>(url.origin);
  m_client->set_connection_timeout(kConnectTimeoutSeconds, 0);
  m_client->set_read_timeout(kReadTimeoutSeconds, 0);
  m_client->set_keep_alive(true);
  if (!api_key.empty()) m_client->set_bearer_token_auth(api_key.c_str());
}

ApiClient::~ApiClient() = default;

void ApiClient::stop() {
  m_client->stop();
}

nlohmann::json
ApiClient::call(const std::string& method,
                const std::string& path,
                const nlohmann::json* body,
                const std::vector<std::pair<std::string, std::string>>& extra_headers,
                int* status) {
  httplib::Headers headers{{"Accept", "application/json"}};
  for (const auto& [key, value] : extra_headers) headers.emplace(key, value);
  const std::string full_path = m_prefix + path;
  const std::string payload = body ? body->dump() : std::string();
  const httplib::Result result = [&] {
    if (method == "POST") return m_client->Post(full_path, headers, payload, "application/json");
    if (method == "PUT") return m_client->Put(full_path, headers, payload, "application/json");
    if (method == "PATCH") return m_client->Patch(full_path, headers, payload, "application/json");
    return m_client->Get(full_path, headers);
  }();
  if (!result) {
    if (result.error() == httplib::Error::Canceled)
      throw ApiError("cancelled", "request cancelled", 0);
    throw ApiError(
        "unreachable", "cannot reach " + m_base_url + ": " + httplib::to_string(result.error()), 0);
  }
  if (status) *status = result->status;
  if (result->status < 200 || result->status >= 300) throw_answer_error(*result);
  const nlohmann::json answer = nlohmann::json::parse(result->body, nullptr, false);
  if (answer.is_discarded())
    throw ApiError("bad_answer", method + " " + path + " did not answer JSON", result->status);
  return answer;
}

void ApiClient::check_ready() {
  call("GET", "/readyz", nullptr).get<core::json::ReadyAnswer>();
}

std::vector<state::CitySummary> ApiClient::list_cities(const std::string& query, bool& editor) {
  const nlohmann::json answer =
      call("GET", "/api/cities" + (query.empty() ? "" : query_of("q", query)), nullptr);
  return city_summaries(answer.get<core::json::CityList>(), editor);
}

std::vector<core::json::PlaceSummary> ApiClient::list_places() {
  return call("GET", "/api/places", nullptr).get<core::json::PlaceList>().places;
}

state::CityReply ApiClient::get_city(const std::string& city_id, std::optional<int> revision) {
  const std::string query = revision ? "?revision=" + std::to_string(*revision) : "";
  return city_reply(call("GET", "/api/cities/" + url_escape(city_id) + query, nullptr)
                        .get<core::json::CityDocument>());
}

std::vector<state::RunRef> ApiClient::list_runs(const std::string& city_id) {
  const nlohmann::json answer =
      call("GET", "/api/cities/" + url_escape(city_id) + "/runs", nullptr);
  return replayable_runs(answer.get<core::json::RunList>());
}

bool ApiClient::key_can_edit() {
  // The nil uuid names no city: an editor gets not_found, an app key forbidden before that.
  const httplib::Result result =
      m_client->Get(m_prefix + "/api/cities/00000000-0000-0000-0000-000000000000/runs/role-check",
                    httplib::Headers{{"Accept", "application/json"}});
  if (!result)
    throw ApiError(
        "unreachable", "cannot reach " + m_base_url + ": " + httplib::to_string(result.error()), 0);
  if (result->status == 401) throw_answer_error(*result);
  return result->status != 403;
}

std::optional<std::string> ApiClient::get_basemap(const std::string& city_id) {
  const httplib::Headers headers{{"Accept", "application/vnd.narrando.basemap"},
                                 {"Accept-Encoding", "gzip"}};
  const httplib::Result result =
      m_client->Get(m_prefix + "/api/cities/" + url_escape(city_id) + "/basemap", headers);
  if (!result) {
    if (result.error() == httplib::Error::Canceled)
      throw ApiError("cancelled", "request cancelled", 0);
    throw ApiError(
        "unreachable", "cannot reach " + m_base_url + ": " + httplib::to_string(result.error()), 0);
  }
  if (result->status == 404) return std::nullopt;
  if (result->status != 200) throw_answer_error(*result);
  return result->body;  // httplib (built with zlib) has inflated a gzip body
}

GenerateAnswer ApiClient::generate(const std::string& place_id, bool force) {
  core::json::GenerateRequest request{place_id, {}};
  request.options.force = force;
  const nlohmann::json body = request;
  int status = 0;
  const nlohmann::json answer =
      call("POST", "/api/generate-city", &body, {{"Prefer", "respond-async"}}, &status);
  if (status == 202)
    return state::JobAcceptedReply{answer.get<core::json::JobAccepted>().job_id, place_id};
  const auto generated = answer.get<core::json::GenerateAnswer>();
  return state::AlreadyGeneratedReply{place_id, generated.city_id, generated.revision};
}

core::model::Job ApiClient::get_job(const std::string& job_id) {
  return call("GET", "/api/jobs/" + url_escape(job_id), nullptr).get<core::json::JobAnswer>().job;
}

bool ApiClient::follow_job(const std::string& job_id,
                           const std::function<void(core::model::Job, bool)>& on_job,
                           const std::function<bool()>& keep_going) {
  m_client->set_read_timeout(kEventsReadTimeoutSeconds, 0);
  SseParser parser;
  bool ended = false;
  int status = 0;
  std::string error_body;
  const auto result = m_client->Get(
      m_prefix + "/api/jobs/" + url_escape(job_id) + "/events",
      httplib::Headers{{"Accept", "text/event-stream"}},
      [&](const httplib::Response& response) {
        status = response.status;
        return true;
      },
      [&](const char* data, std::size_t length) {
        if (status != 200) {
          error_body.append(data, length);
          return true;
        }
        for (const SseEvent& event : parser.feed(std::string_view(data, length))) {
          const bool end = event.type == "end";
          on_job(core::json::parse_json(event.data).get<core::json::JobAnswer>().job, end);
          ended = ended || end;
        }
        return !ended && keep_going();
      });
  m_client->set_read_timeout(kReadTimeoutSeconds, 0);
  if (status != 0 && status != 200) {
    httplib::Response response;
    response.status = status;
    response.body = error_body;
    throw_answer_error(response);
  }
  if (!result && !ended && result.error() != httplib::Error::Canceled) {
    throw ApiError(
        "unreachable", "job events of " + job_id + ": " + httplib::to_string(result.error()), 0);
  }
  return ended;
}

void ApiClient::patch_attraction(const std::string& city_id,
                                 const std::string& attraction_id,
                                 const core::edit::AttractionPatch& patch) {
  const nlohmann::json body = patch;
  call("PATCH",
       "/api/cities/" + url_escape(city_id) + "/attractions/" + url_escape(attraction_id),
       &body);
}

std::vector<std::string> ApiClient::put_tours(const std::string& city_id,
                                              const std::vector<core::edit::TourEdit>& tours) {
  const nlohmann::json body = core::json::ToursRequest{tours};
  return call("PUT", "/api/cities/" + url_escape(city_id) + "/tours", &body)
      .get<core::json::ToursEdited>()
      .warnings;
}

state::CityReply ApiClient::replan(const std::string& city_id) {
  const nlohmann::json body = core::json::ReplanRequest{};
  const nlohmann::json answer =
      call("POST", "/api/cities/" + url_escape(city_id) + "/replan", &body);
  state::CityReply reply = city_reply(answer.get<core::json::ReplanAnswer>().document);
  reply.note = "replanned";
  reply.changed = true;
  return reply;
}

state::PublishPreviewReply ApiClient::preview_publish(const std::string& city_id) {
  const nlohmann::json body = core::json::PublishRequest{true};
  auto answer = call("POST", "/api/cities/" + url_escape(city_id) + "/publish", &body)
                    .get<core::json::PublishAnswer>();
  return {city_id, std::move(answer.changes), answer.draft_revision};
}

int ApiClient::publish(const std::string& city_id) {
  const nlohmann::json body = core::json::PublishRequest{false};
  const nlohmann::json answer =
      call("POST", "/api/cities/" + url_escape(city_id) + "/publish", &body);
  return answer.get<core::json::PublishAnswer>().revision;
}

core::model::RunTrace ApiClient::get_run(const std::string& city_id, const std::string& job_id) {
  const std::string path = "/api/cities/" + url_escape(city_id) + "/runs/" + url_escape(job_id);
  return call("GET", path, nullptr).get<core::json::RunAnswer>().run;
}

}  // namespace console::net
