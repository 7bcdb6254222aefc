#include "server/http/city_access.h"

#include <charconv>

#include "server/http/request_context.h"
#include "server/service/revision_choice.h"
#include "shared/errors.h"

namespace server::http {

storage::RevisionChoice revision_for_reader(const httplib::Request& request) {
  const config::Role role = RequestContext::current().role;
  if (role != config::Role::Editor || !request.has_param("revision"))
    return service::revision_for(role);
  const std::string text = request.get_param_value("revision");
  int number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || number < 1) {
    throw core::InputError("revision must be a positive integer");
  }
  return service::revision_for(role, number);
}

service::CityView
load_view(ApiContext& context, const std::string& city_id, const httplib::Request& request) {
  return context.reads.load_view(city_id, revision_for_reader(request));
}

core::model::City published_view(core::model::City city, const core::model::Revision& revision) {
  city.draft_revision.reset();
  city.published_revision = revision.number;
  city.updated_at = revision.published_at;
  return city;
}

}  // namespace server::http
