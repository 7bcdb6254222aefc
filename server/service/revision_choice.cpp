#include "server/service/revision_choice.h"

#include "shared/model/working_revision.h"

namespace server::service {

storage::RevisionChoice revision_for(config::Role role, std::optional<int> asked) {
  if (role != config::Role::Editor) return storage::RevisionChoice::published();
  return asked ? storage::RevisionChoice::exactly(*asked) : storage::RevisionChoice::latest();
}

std::optional<int> revision_number(const core::model::City& city, storage::RevisionChoice choice) {
  switch (choice.kind) {
  case storage::RevisionChoice::Kind::Published: return city.published_revision;
  case storage::RevisionChoice::Kind::Latest: return core::model::working_revision(city);
  case storage::RevisionChoice::Kind::Number: return choice.number;
  }
  return std::nullopt;
}

}  // namespace server::service
