#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "shared/model/city.h"
#include "shared/model/job.h"
#include "shared/model/revision.h"

namespace server::cli {

/// Prints what a generation produced for people: the city, kept and dropped counts with the
/// most common reasons, and each tour's stops with walking distance and minutes.
void print_summary(std::ostream& out,
                   const core::model::City& city,
                   const core::model::Revision& revision,
                   const std::vector<std::string>& warnings);

/// Prints each pipeline stage's time, external calls and estimated cost, and the total.
void print_stages(std::ostream& out, const std::vector<core::model::StageRecord>& stages);

/// The family of a filter reason, for counting: "duplicate of \"X\" (20 m away)" -> "duplicate of".
std::string reason_family(const std::string& reason);

}  // namespace server::cli
