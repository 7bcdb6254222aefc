#pragma once

#include <httplib.h>

#include "server/http/api_context.h"

// Handler groups, one file each; registered by routes.cpp.
namespace server::http {

/// GET /healthz: liveness, no I/O.
void handle_healthz(const httplib::Request& request, httplib::Response& response);
/// GET /readyz: 200 when the store answers, else 503.
void handle_readyz(ApiContext& context, const httplib::Request& request, httplib::Response& response);
/// POST /api/generate-city: queue a city, wait within the window, answer 200 or 202.
void handle_generate_city(ApiContext& context, const httplib::Request& request, httplib::Response& response);

}  // namespace server::http
