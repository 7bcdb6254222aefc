#pragma once

#include <optional>

#include "server/config/config.h"
#include "server/storage/store.h"
#include "shared/model/city.h"

// The one rule for which revision of a city is read or worked on.
namespace server::service {

/// Which revision `role` reads: the app always the published one; an editor revision `asked`
/// when given, else the working revision (core::model::working_revision: the draft, else the
/// published one).
storage::RevisionChoice revision_for(config::Role role, std::optional<int> asked = std::nullopt);

/// The number `choice` names in `city`, or nullopt when the city has no such revision.
std::optional<int> revision_number(const core::model::City& city, storage::RevisionChoice choice);

}  // namespace server::service
