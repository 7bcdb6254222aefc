#include "console/state/commands.h"

namespace console::state {
namespace {

struct NameOf {
  const char* operator()(const ConnectCommand&) const { return "connect"; }
  const char* operator()(const ListCitiesCommand&) const { return "list cities"; }
  const char* operator()(const GenerateCityCommand&) const { return "generate city"; }
  const char* operator()(const FollowJobCommand&) const { return "follow job"; }
  const char* operator()(const LoadCityCommand&) const { return "load city"; }
  const char* operator()(const SaveAttractionsCommand&) const { return "save attractions"; }
  const char* operator()(const SaveToursCommand&) const { return "save tours"; }
  const char* operator()(const ReplanCommand&) const { return "replan"; }
  const char* operator()(const PublishCommand& c) const {
    return c.dry_run ? "preview publish" : "publish";
  }
  const char* operator()(const LoadRunCommand&) const { return "load run trace"; }
  const char* operator()(const ListRunsCommand&) const { return "list runs"; }
  const char* operator()(const LoadBasemapCommand&) const { return "load basemap"; }
};

}  // namespace

const char* command_name(const Command& command) {
  return std::visit(NameOf{}, command);
}

}  // namespace console::state
