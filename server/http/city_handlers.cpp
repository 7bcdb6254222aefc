#include "server/http/city_access.h"
#include "server/http/encoded_document.h"
#include "server/http/handlers.h"
#include "server/http/request_context.h"
#include "server/http/responses.h"
#include "shared/json/city_messages.h"

namespace server::http {
namespace {

// A published revision never changes, but the city's published revision may: clients may keep it
// as long as the server itself may answer with the previous one (PUBLISHED_CACHE_SECONDS), then
// revalidate with its ETag.
void send_published(const ApiContext& context,
                    const httplib::Request& request,
                    httplib::Response& response,
                    const EncodedDocument& document) {
  const std::string cache_control =
      "public, max-age=" + std::to_string(context.config.published_cache_seconds);
  send_document(
      request, response, RequestContext::current().accept_encoding, document, cache_control);
}

}  // namespace

void handle_list_cities(ApiContext& context,
                        const httplib::Request& request,
                        httplib::Response& response) {
  const bool editor = RequestContext::current().role == config::Role::Editor;
  send_json(response, 200, context.reads.list_cities(editor, request.get_param_value("q")));
}

void handle_get_city(ApiContext& context,
                     const httplib::Request& request,
                     httplib::Response& response) {
  const std::string city_id = request.matches[1];
  const storage::RevisionChoice choice = revision_for_reader(request);
  const auto now = context.clock.steady_now();
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
  if (const auto city = context.reads.find_city(city_id); city && city->published_revision) {
    context.published_pointers.remember(city->id, *city->published_revision, now);
    const bool wants_published =
        choice.kind == storage::RevisionChoice::Kind::Published ||
        (choice.kind == storage::RevisionChoice::Kind::Latest && !city->draft_revision) ||
        (choice.kind == storage::RevisionChoice::Kind::Number &&
         choice.number == *city->published_revision);
    if (wants_published) {
      if (auto cached = context.published_documents.find(city->id, *city->published_revision)) {
        send_published(context, request, response, *cached);
        return;
      }
    }
  }
  const service::CityView view = load_view(context, city_id, request);
  if (view.revision.status != core::model::RevisionStatus::Published) {
    send_json(response, 200, core::json::CityDocument{view.city, view.revision, std::nullopt});
    return;
  }
  // Compressed once (brotli and gzip at their best) and served from memory from then on.
  const auto encoded =
      context.published_documents.obtain(view.city.id, view.revision.number, [&view] {
        const nlohmann::json document = core::json::CityDocument{
            published_view(view.city, view.revision), view.revision, std::nullopt};
        return encode_document(
            document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
            kJsonContentType);
      });
  send_published(context, request, response, *encoded);
}

}  // namespace server::http
