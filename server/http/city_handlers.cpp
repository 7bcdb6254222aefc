#include <set>

#include "server/http/city_access.h"
#include "server/http/encoded_document.h"
#include "server/http/handlers.h"
#include "server/http/request_context.h"
#include "server/http/responses.h"
#include "shared/algo/name_similarity.h"
#include "shared/json/documents.h"
#include "shared/json/model_json.h"

namespace server::http {
namespace {

std::string city_status(const core::model::City& city, const std::set<std::string>& generating) {
  if (generating.contains(city.place_id)) return "generating";
  if (city.draft_revision) return "draft";
  return "published";
}

// A published revision never changes, but the city's published revision may: clients may keep it
// as long as the server itself may answer with the previous one (PUBLISHED_CACHE_SECONDS), then
// revalidate with its ETag.
void send_published(const ApiContext& context, const httplib::Request& request, httplib::Response& response,
                    const EncodedDocument& document) {
  const std::string cache_control = "public, max-age=" + std::to_string(context.config.published_cache_seconds);
  send_document(request, response, RequestContext::current().accept_encoding, document, cache_control);
}

}  // namespace

void handle_list_cities(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const bool editor = RequestContext::current().role == config::Role::Editor;
  const std::string query = core::algo::fold_name(request.get_param_value("q"));
  std::set<std::string> generating;
  if (editor) {
    for (const core::model::Job& job : context.store.active_jobs()) generating.insert(job.place_id);
  }
  nlohmann::json cities = nlohmann::json::array();
  for (const core::model::City& city : context.store.list_cities(editor)) {
    if (!query.empty() && core::algo::fold_name(city.name).find(query) == std::string::npos) continue;
    nlohmann::json item = city;
    if (!editor) {
      item.erase("draft_revision");
      item["status"] = "published";
    } else {
      item["status"] = city_status(city, generating);
    }
    cities.push_back(std::move(item));
  }
  if (editor) {
    // Places being generated for the first time have no city yet; editors see them too, with
    // their job's progress, and a search finds them by place id.
    for (const core::model::Job& job : context.store.active_jobs()) {
      const bool known = std::any_of(cities.begin(), cities.end(),
                                     [&](const nlohmann::json& c) { return c["place_id"] == job.place_id; });
      if (known || (!query.empty() && core::algo::fold_name(job.place_id).find(query) == std::string::npos)) continue;
      cities.push_back({{"id", nullptr},
                        {"place_id", job.place_id},
                        {"status", "generating"},
                        {"job_id", job.id},
                        {"job_status", core::model::to_string(job.status)},
                        {"stage", job.stage},
                        {"progress", job.progress}});
    }
  }
  send_json(response, 200, {{"success", true}, {"cities", cities}});
}

void handle_get_city(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const std::string city_id = request.matches[1];
  const storage::RevisionChoice choice = revision_for_reader(request);
  const auto now = PublishedPointers::Clock::now();
  // The app reads published revisions only, and may read one a moment after a newer one was
  // published elsewhere: within PUBLISHED_CACHE_SECONDS it is answered from memory alone, and an
  // expired entry still answers while it is read again in the background.
  if (choice.kind == storage::RevisionChoice::Kind::Published) {
    const PublishedPointers::Lookup known = context.published_pointers.lookup(city_id, now);
    if (known.refresh) context.published_refresher.request(city_id);
    if (const auto revision = known.revision) {
      if (auto cached = context.published_documents.find(city_id, *revision)) {
        send_published(context, request, response, *cached);
        return;
      }
    }
  }
  // Whoever asks, the published revision never changes: once serialized, it is served from memory.
  if (const auto city = context.store.find_city(city_id); city && city->published_revision) {
    context.published_pointers.remember(city->id, *city->published_revision, now);
    const bool wants_published =
        choice.kind == storage::RevisionChoice::Kind::Published ||
        (choice.kind == storage::RevisionChoice::Kind::Latest && !city->draft_revision) ||
        (choice.kind == storage::RevisionChoice::Kind::Number && choice.number == *city->published_revision);
    if (wants_published) {
      if (auto cached = context.published_documents.find(city->id, *city->published_revision)) {
        send_published(context, request, response, *cached);
        return;
      }
    }
  }
  const CityView view = load_view(context, city_id, request);
  if (view.revision.status != core::model::RevisionStatus::Published) {
    send_json(response, 200, core::json::city_document(view.city, view.revision));
    return;
  }
  // Compressed once (brotli and gzip at their best) and served from memory from then on.
  auto document = encode_document(core::json::city_document(published_view(view.city, view.revision), view.revision)
                                      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                                  kJsonContentType);
  context.published_documents.put(view.city.id, view.revision.number, document);
  send_published(context, request, response, *document);
}

}  // namespace server::http
