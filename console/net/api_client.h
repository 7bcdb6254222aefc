#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "console/state/replies.h"
#include "shared/edit/draft_edits.h"
#include "shared/errors.h"
#include "shared/json/city_messages.h"
#include "shared/model/job.h"
#include "shared/model/run_trace.h"

namespace httplib {
class Client;
}

namespace console::net {

/// A request that failed: the server's error code and message (or "unreachable" / "bad_answer"
/// when no usable answer arrived), and the HTTP status (0 without one).
class ApiError : public core::Error {
 public:
  /// Builds an error with the server's code, message and the HTTP status.
  ApiError(std::string code, const std::string& message, int status)
      : core::Error(std::move(code), message), m_status(status) {}
  /// HTTP status, 0 when no answer arrived.
  int status() const noexcept { return m_status; }

 private:
  int m_status;
};

/// What POST /api/generate-city answered.
using GenerateAnswer = std::variant<state::JobAcceptedReply, state::AlreadyGeneratedReply>;

/// Synchronous client of the Narrando HTTP API (DESIGN §3) for one server and key. Every method
/// throws ApiError. Not thread-safe except stop(); each thread uses its own client.
class ApiClient {
 public:
  /// `base_url` is "http(s)://host[:port][/prefix]"; throws core::InputError when malformed.
  ApiClient(const std::string& base_url, const std::string& api_key);
  ~ApiClient();
  ApiClient(const ApiClient&) = delete;
  ApiClient& operator=(const ApiClient&) = delete;

  /// The normalised base URL.
  const std::string& base_url() const { return m_base_url; }
  /// GET /readyz: the server and its store answer.
  void check_ready();
  /// GET /api/cities?q=; `editor` is set to whether the answer has the editors' fields.
  std::vector<state::CitySummary> list_cities(const std::string& query, bool& editor);
  /// GET /api/places: the cities the server can generate from its embedded data.
  std::vector<core::json::PlaceSummary> list_places();
  /// GET /api/cities/{id}[?revision=N].
  state::CityReply get_city(const std::string& city_id, std::optional<int> revision);
  /// GET /api/cities/{id}/runs: the runs that can be replayed, newest first.
  std::vector<state::RunRef> list_runs(const std::string& city_id);
  /// POST /api/generate-city with Prefer: respond-async.
  GenerateAnswer generate(const std::string& place_id, bool force);
  /// GET /api/jobs/{id}.
  core::model::Job get_job(const std::string& job_id);
  /// Follows GET /api/jobs/{id}/events, calling `on_job` for every event (`ended` on "end").
  /// Returns true once the end event arrived, false when the stream closed early or
  /// `keep_going` said stop.
  bool follow_job(const std::string& job_id,
                  const std::function<void(core::model::Job, bool)>& on_job,
                  const std::function<bool()>& keep_going);
  /// PATCH /api/cities/{id}/attractions/{aid}.
  void patch_attraction(const std::string& city_id,
                        const std::string& attraction_id,
                        const core::edit::AttractionPatch& patch);
  /// PUT /api/cities/{id}/tours; returns the server's warnings (tours over budget).
  std::vector<std::string> put_tours(const std::string& city_id,
                                     const std::vector<core::edit::TourEdit>& tours);
  /// POST /api/cities/{id}/replan: the replanned draft.
  state::CityReply replan(const std::string& city_id);
  /// POST /api/cities/{id}/publish {"dry_run": true}: what would change.
  state::PublishPreviewReply preview_publish(const std::string& city_id);
  /// POST /api/cities/{id}/publish: the revision now published.
  int publish(const std::string& city_id);
  /// GET /api/cities/{id}/runs/{job}.
  core::model::RunTrace get_run(const std::string& city_id, const std::string& job_id);
  /// True when the key may edit: an editors-only route (a run of no city) answers 404 to an
  /// editor's key and 403 to an app key; nothing is changed on the server.
  bool key_can_edit();
  /// GET /api/cities/{id}/basemap (gzip accepted; httplib inflates it): the file's bytes, or
  /// nullopt when the server has no basemap for the city (404).
  std::optional<std::string> get_basemap(const std::string& city_id);
  /// Aborts the request in flight (from any thread); it then throws ApiError "cancelled".
  void stop();

 private:
  nlohmann::json call(const std::string& method,
                      const std::string& path,
                      const nlohmann::json* body,
                      const std::vector<std::pair<std::string, std::string>>& extra_headers = {},
                      int* status = nullptr);

  std::string m_base_url;
  std::string m_prefix;  ///< path prefix of the base URL ("" or "/narrando")
  std::unique_ptr<httplib::Client> m_client;
};

}  // namespace console::net
