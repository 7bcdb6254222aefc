#include "console/net/wire_mapping.h"

namespace console::net {

std::vector<state::CitySummary> city_summaries(core::json::CityList list, bool& editor) {
  editor = true;
  std::vector<state::CitySummary> rows;
  rows.reserve(list.cities.size());
  for (core::json::CityListItem& item : list.cities) {
    if (!item.status) editor = false;
    rows.push_back({std::move(item.city), item.status, std::move(item.job_id)});
  }
  return rows;
}

state::CityReply city_reply(core::json::CityDocument document) {
  state::CityReply reply;
  reply.city = std::move(document.city);
  reply.revision = std::move(document.revision);
  reply.warnings = document.warnings.value_or(std::vector<std::string>{});
  return reply;
}

std::vector<state::RunRef> replayable_runs(const core::json::RunList& list) {
  std::vector<state::RunRef> runs;
  for (const core::json::RunSummary& run : list.runs) {
    if (run.status != core::model::JobStatus::Succeeded) continue;
    runs.push_back({run.revision.value_or(0),
                    run.job_id,
                    run.origin,
                    run.created_at,
                    run.calls,
                    run.cost_usd});
  }
  return runs;
}

}  // namespace console::net
