#include "server/http/city_access.h"

#include <charconv>

#include "server/http/request_context.h"
#include "shared/errors.h"

namespace server::http {

core::model::City require_city(ApiContext& context, const std::string& city_id) {
  auto city = context.store.find_city(city_id);
  if (!city) throw core::NotFoundError("no city with id " + city_id);
  return std::move(*city);
}

int revision_for_reader(const core::model::City& city, const httplib::Request& request) {
  const bool editor = RequestContext::current().role == config::Role::Editor;
  if (editor && request.has_param("revision")) {
    const std::string text = request.get_param_value("revision");
    int number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || number < 1) {
      throw core::InputError("revision must be a positive integer");
    }
    return number;
  }
  if (editor && city.draft_revision) return *city.draft_revision;
  if (!city.published_revision) throw core::NotFoundError("city " + city.id + " has no published revision yet");
  return *city.published_revision;
}

CityView load_view(ApiContext& context, const std::string& city_id, const httplib::Request& request) {
  core::model::City city = require_city(context, city_id);
  const int number = revision_for_reader(city, request);
  auto revision = context.store.load_revision(city.id, number);
  if (!revision) throw core::NotFoundError("city " + city.id + " has no revision " + std::to_string(number));
  return {std::move(city), std::move(*revision)};
}

core::model::City published_view(core::model::City city, const core::model::Revision& revision) {
  city.draft_revision.reset();
  city.published_revision = revision.number;
  city.updated_at = revision.published_at;
  return city;
}

}  // namespace server::http
