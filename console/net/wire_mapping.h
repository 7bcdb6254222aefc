#pragma once

#include <vector>

#include "console/state/city_summary.h"
#include "console/state/replies.h"
#include "shared/json/city_messages.h"

// The server's answers (shared/json's message types) as the console's state keeps them.
namespace console::net {

/// The rows of a GET /api/cities answer; `editor` is set when every row has the editors' status
/// (an empty list counts as an editor's). Places whose first generation runs are rows that
/// cannot be opened.
std::vector<state::CitySummary> city_summaries(core::json::CityList list, bool& editor);

/// A city document (GET /api/cities/{id}, replan) as a CityReply.
state::CityReply city_reply(core::json::CityDocument document);

/// The runs of GET /api/cities/{id}/runs that can be replayed (succeeded: they have a trace),
/// newest first.
std::vector<state::RunRef> replayable_runs(const core::json::RunList& list);

}  // namespace console::net
