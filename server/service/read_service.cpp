#include "server/service/read_service.h"

#include <algorithm>
#include <set>

#include "server/offline/embedded_catalogue.h"
#include "server/offline/walking_networks.h"
#include "shared/algo/name_similarity.h"
#include "shared/errors.h"

namespace server::service {
namespace {

// A city's runs: a city rarely has more; the console offers the newest for replay and comparison.
constexpr int kMaxRuns = 100;

core::model::CityStatus city_status(const core::model::City& city,
                                    const std::set<std::string>& generating) {
  if (generating.contains(city.place_id)) return core::model::CityStatus::Generating;
  if (city.draft_revision) return core::model::CityStatus::Draft;
  return core::model::CityStatus::Published;
}

// A place being generated for the first time: no city yet, its job's progress instead.
core::json::CityListItem generating_item(const core::model::Job& job) {
  core::json::CityListItem item;
  item.city.place_id = job.place_id;
  item.status = core::model::CityStatus::Generating;
  item.job_id = job.id;
  item.job_status = job.status;
  item.stage = job.stage;
  item.progress = job.progress;
  return item;
}

}  // namespace

core::model::City require_city(storage::Store& store, const std::string& city_id) {
  auto city = store.find_city(city_id);
  if (!city) throw core::NotFoundError("no city with id " + city_id);
  return std::move(*city);
}

core::json::CityList ReadService::list_cities(bool editor, const std::string& query) const {
  const std::string folded = core::algo::fold_name(query);
  const auto matches = [&](const std::string& text) {
    return folded.empty() || core::algo::fold_name(text).find(folded) != std::string::npos;
  };
  const std::vector<core::model::Job> active =
      editor ? m_store.active_jobs() : std::vector<core::model::Job>{};
  std::set<std::string> generating;
  for (const core::model::Job& job : active) generating.insert(job.place_id);
  core::json::CityList list;
  std::set<std::string> listed;
  for (const core::model::City& city : m_store.list_cities(editor)) {
    if (!matches(city.name)) continue;
    core::json::CityListItem item;
    item.city = city;
    item.app_view = !editor;
    item.status = editor ? city_status(city, generating) : core::model::CityStatus::Published;
    listed.insert(city.place_id);
    list.cities.push_back(std::move(item));
  }
  for (const core::model::Job& job : active) {
    if (listed.contains(job.place_id) || !matches(job.place_id)) continue;
    listed.insert(job.place_id);
    list.cities.push_back(generating_item(job));
  }
  return list;
}

CityView ReadService::load_view(const std::string& city_id, storage::RevisionChoice choice) const {
  auto loaded = m_store.load_city_revision(city_id, choice);
  if (!loaded) {
    if (!m_store.find_city(city_id)) throw core::NotFoundError("no city with id " + city_id);
    throw core::NotFoundError("city " + city_id + " has no such revision to read");
  }
  return {std::move(loaded->city), std::move(loaded->revision)};
}

core::json::RunList ReadService::list_runs(const std::string& city_id) const {
  const core::model::City city = require_city(city_id);
  core::json::RunList list;
  for (const core::model::Job& job : m_store.jobs_of_place(city.place_id, kMaxRuns)) {
    list.runs.push_back(core::json::RunSummary::of(job));
  }
  return list;
}

core::model::RunTrace ReadService::load_run(const std::string& city_id,
                                            const std::string& job_id) const {
  require_city(city_id);
  auto trace = m_store.load_run(job_id);
  if (!trace || trace->city.id != city_id)
    throw core::NotFoundError("no run of job " + job_id + " for city " + city_id);
  return std::move(*trace);
}

core::model::Job ReadService::require_job(const std::string& job_id) const {
  auto job = m_store.find_job(job_id);
  if (!job) throw core::NotFoundError("no job with id " + job_id);
  return std::move(*job);
}

core::json::PlaceList ReadService::list_places() {
  const offline::EmbeddedCatalogue& catalogue = offline::EmbeddedCatalogue::builtin();
  const std::vector<offline::EmbeddedGraphFile>& graphs =
      offline::WalkingNetworks::builtin().files();
  core::json::PlaceList list;
  for (const offline::EmbeddedCity& city : catalogue.cities()) {
    const bool walking_network =
        std::any_of(graphs.begin(), graphs.end(), [&](const offline::EmbeddedGraphFile& file) {
          return file.city_key == city.key;
        });
    list.places.push_back({city.city.place_id,
                           city.city.name,
                           city.city.country_code,
                           static_cast<int>(catalogue.poi_count(city.key)),
                           walking_network});
  }
  return list;
}

const offline::EmbeddedBasemapFile& ReadService::basemap_of(const std::string& city_id) const {
  static const std::vector<offline::EmbeddedBasemapFile> kFiles = offline::embedded_basemap_files();
  const core::model::City city = require_city(city_id);
  const offline::EmbeddedBasemapFile* file =
      offline::find_basemap(kFiles, offline::EmbeddedCatalogue::builtin(), city);
  if (file == nullptr)
    throw core::NotFoundError("no offline basemap covers city " + city.id, "no_basemap");
  return *file;
}

}  // namespace server::service
