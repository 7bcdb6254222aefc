#pragma once

#include <httplib.h>

#include "server/http/api_context.h"

// Handler groups, one file each; registered with their access rules by routes.cpp.
namespace server::http {

/// GET /healthz: liveness, no I/O.
void handle_healthz(const httplib::Request& request, httplib::Response& response);
/// GET /readyz: 200 when the store answers, else 503.
void handle_readyz(ApiContext& context,
                   const httplib::Request& request,
                   httplib::Response& response);
/// GET /metrics: Prometheus text.
void handle_metrics(ApiContext& context,
                    const httplib::Request& request,
                    httplib::Response& response);
/// GET /api/openapi.json.
void handle_openapi(const httplib::Request& request, httplib::Response& response);

/// POST /api/generate-city: queue a city, wait within the window, answer 200 or 202.
void handle_generate_city(ApiContext& context,
                          const httplib::Request& request,
                          httplib::Response& response);
/// GET /api/jobs/{id}.
void handle_get_job(ApiContext& context,
                    const httplib::Request& request,
                    httplib::Response& response);
/// GET /api/jobs/{id}/events: server-sent events until the job ends.
void handle_job_events(ApiContext& context,
                       const httplib::Request& request,
                       httplib::Response& response);

/// GET /api/cities (?q=): published cities for the app, every city with its state for editors.
void handle_list_cities(ApiContext& context,
                        const httplib::Request& request,
                        httplib::Response& response);
/// GET /api/cities/{id} (?revision=N for editors): the city document.
void handle_get_city(ApiContext& context,
                     const httplib::Request& request,
                     httplib::Response& response);
/// PATCH /api/cities/{id}/attractions/{aid}: an editor's change, on the draft.
void handle_patch_attraction(ApiContext& context,
                             const httplib::Request& request,
                             httplib::Response& response);
/// PUT /api/cities/{id}/tours: an editor's arrangement of the tours, on the draft.
void handle_put_tours(ApiContext& context,
                      const httplib::Request& request,
                      httplib::Response& response);
/// POST /api/cities/{id}/replan: re-plan the draft keeping locks.
void handle_replan(ApiContext& context,
                   const httplib::Request& request,
                   httplib::Response& response);
/// POST /api/cities/{id}/publish: make the draft what the app sees (or preview with dry_run).
void handle_publish(ApiContext& context,
                    const httplib::Request& request,
                    httplib::Response& response);
/// GET /api/cities/{id}/runs: the city's runs, generations and replans (job, origin, status, calls,
/// cost), newest first.
void handle_list_runs(ApiContext& context,
                      const httplib::Request& request,
                      httplib::Response& response);
/// GET /api/cities/{id}/runs/{job}: a run's trace (a generation's or a replan's).
void handle_get_run(ApiContext& context,
                    const httplib::Request& request,
                    httplib::Response& response);
/// GET /api/places: the embedded catalogue (cities generated offline by place id).
void handle_list_places(ApiContext& context,
                        const httplib::Request& request,
                        httplib::Response& response);
/// GET /api/cities/{id}/basemap: the city's offline vector basemap (any key; ETag, gzip), or 404.
void handle_get_basemap(ApiContext& context,
                        const httplib::Request& request,
                        httplib::Response& response);
/// GET /api/cities/{id}/export.geojson.
void handle_export_geojson(ApiContext& context,
                           const httplib::Request& request,
                           httplib::Response& response);
/// GET /api/cities/{id}/export.gpx.
void handle_export_gpx(ApiContext& context,
                       const httplib::Request& request,
                       httplib::Response& response);

}  // namespace server::http
