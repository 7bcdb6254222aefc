#pragma once

#include "server/service/draft_service.h"
#include "server/service/generation_service.h"
#include "server/service/operations.h"
#include "server/service/read_service.h"

namespace server::service {

/// The application services, by reference: what the HTTP API calls. Whoever built them (wiring)
/// owns them and keeps them alive while the API runs.
struct Application {
  GenerationService& generation;
  DraftService& drafts;
  ReadService& reads;
  Operations& operations;
};

}  // namespace server::service
