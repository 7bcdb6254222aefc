#pragma once

#include <string>

#include <httplib.h>

#include "server/http/api_context.h"
#include "server/service/read_service.h"
#include "shared/model/city.h"
#include "shared/model/revision.h"

namespace server::http {

/// Which revision the current caller reads (service::revision_for): the app always the published
/// one; editors the one named by `?revision=N`, else the draft if there is one, else the
/// published one. Throws core::InputError for a malformed `revision`.
storage::RevisionChoice revision_for_reader(const httplib::Request& request);

/// The city and the revision the current caller may read (see revision_for_reader), from one
/// snapshot. Throws core::NotFoundError when there is nothing the caller may see.
service::CityView
load_view(ApiContext& context, const std::string& city_id, const httplib::Request& request);

/// The city as the app sees it next to a published revision: no draft pointer, stable stamps.
core::model::City published_view(core::model::City city, const core::model::Revision& revision);

}  // namespace server::http
