#pragma once

#include <optional>

#include "shared/model/city.h"

namespace core::model {

/// The revision one works on: the draft if there is one, else the published one (none before the
/// first). The one rule: editors read it, a replan and a regeneration start from it.
inline std::optional<int> working_revision(const City& city) {
  return city.draft_revision ? city.draft_revision : city.published_revision;
}

}  // namespace core::model
