#include "console/net/api_worker.h"

#include <chrono>
#include <exception>
#include <utility>

#include "console/net/api_client.h"
#include "shared/basemap/basemap_codec.h"

namespace console::net {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(700);
constexpr int kPollFailuresAllowed = 5;

state::FailureReply failure(const std::string& action, const std::exception& e) {
  if (const auto* api = dynamic_cast<const ApiError*>(&e))
    return {action, api->code(), api->what(), api->status()};
  if (const auto* core_error = dynamic_cast<const core::Error*>(&e))
    return {action, core_error->code(), e.what(), 0};
  return {action, "internal", e.what(), 0};
}

// The server's embedded cities; none from a server without GET /api/places (it is older).
std::vector<core::json::PlaceSummary> embedded_places(ApiClient& client) {
  try {
    return client.list_places();
  } catch (const ApiError& e) {
    if (e.status() == 404) return {};
    throw;
  }
}

}  // namespace

// Executes one command on the command thread with its client; posts the replies.
struct CommandRunner {
  ApiWorker& worker;
  ApiClient& client;
  const std::stop_token& stop;

  void operator()(state::ConnectCommand&) {}  // handled by ApiWorker::execute
  void operator()(state::ListCitiesCommand& c) {
    bool editor = true;
    worker.post(state::CitiesReply{c.query, client.list_cities(c.query, editor)});
  }
  void operator()(state::GenerateCityCommand& c) {
    GenerateAnswer answer = client.generate(c.place_id, c.force);
    if (auto* accepted = std::get_if<state::JobAcceptedReply>(&answer)) {
      const std::string job_id = accepted->job_id;
      worker.post(std::move(*accepted));
      worker.start_watcher(job_id);
    } else {
      worker.post(std::get<state::AlreadyGeneratedReply>(std::move(answer)));
    }
  }
  void operator()(state::FollowJobCommand& c) { worker.start_watcher(c.job_id); }
  void operator()(state::LoadCityCommand& c) {
    worker.post(client.get_city(c.city_id, c.revision));
  }
  void operator()(state::SaveAttractionsCommand& c) {
    std::size_t saved = 0;
    try {
      for (const auto& [id, patch] : c.patches) {
        if (stop.stop_requested()) return;
        client.patch_attraction(c.city_id, id, patch);
        ++saved;
      }
    } catch (const ApiError& e) {
      // Report which edit failed, then reload so the table shows what the server kept.
      worker.post(state::FailureReply{"save attractions",
                                      e.code(),
                                      "saved " + std::to_string(saved) + " of " +
                                          std::to_string(c.patches.size()) + "; attraction " +
                                          c.patches[saved].first + ": " + e.what(),
                                      e.status()});
    }
    state::CityReply reply = client.get_city(c.city_id, std::nullopt);
    reply.note = "saved " + std::to_string(saved) + " attraction edit" + (saved == 1 ? "" : "s");
    reply.changed = saved > 0;
    worker.post(std::move(reply));
  }
  void operator()(state::SaveToursCommand& c) {
    std::vector<std::string> warnings = client.put_tours(c.city_id, c.tours);
    state::CityReply reply = client.get_city(c.city_id, std::nullopt);
    reply.note = "saved the tours";
    reply.changed = true;
    reply.warnings = std::move(warnings);
    worker.post(std::move(reply));
  }
  void operator()(state::ReplanCommand& c) { worker.post(client.replan(c.city_id)); }
  void operator()(state::PublishCommand& c) {
    if (c.dry_run) {
      worker.post(client.preview_publish(c.city_id));
    } else {
      worker.post(state::PublishedReply{c.city_id, client.publish(c.city_id)});
    }
  }
  void operator()(state::LoadRunCommand& c) {
    worker.post(state::RunReply{c.slot, client.get_run(c.city_id, c.job_id)});
  }
  void operator()(state::ListRunsCommand& c) {
    worker.post(state::RunsReply{c.city_id, client.list_runs(c.city_id)});
  }
  void operator()(state::LoadBasemapCommand& c) {
    state::BasemapReply reply{c.city_id, nullptr};
    if (const std::optional<std::string> bytes = client.get_basemap(c.city_id)) {
      const auto* data = reinterpret_cast<const std::uint8_t*>(bytes->data());
      reply.basemap = std::make_shared<const core::basemap::Basemap>(
          core::basemap::decode_basemap({data, bytes->size()}));
    }
    worker.post(std::move(reply));
  }
};

ApiWorker::ApiWorker() : m_thread([this](std::stop_token stop) { run(std::move(stop)); }) {}

ApiWorker::~ApiWorker() {
  m_thread.request_stop();
  {
    // Under the lock: the command thread may be adding a watcher right now.
    std::lock_guard lock(m_mutex);
    for (Watcher& watcher : m_watchers) watcher.thread.request_stop();
    if (m_client) m_client->stop();
    for (const auto& client : m_watch_clients) client->stop();
  }
  m_wake.notify_all();
  m_thread.join();
  m_watchers.clear();  // joins; no new watcher can start now that the command thread is gone
}

void ApiWorker::submit(state::Command command) {
  {
    std::lock_guard lock(m_mutex);
    if (std::holds_alternative<state::ListCitiesCommand>(command)) {
      std::erase_if(m_queue, [](const state::Command& c) {
        return std::holds_alternative<state::ListCitiesCommand>(c);
      });
    }
    m_queue.push_back(std::move(command));
  }
  m_wake.notify_one();
}

std::vector<state::Reply> ApiWorker::drain() {
  std::lock_guard lock(m_mutex);
  return std::exchange(m_replies, {});
}

int ApiWorker::pending() const {
  std::lock_guard lock(m_mutex);
  return static_cast<int>(m_queue.size()) + m_running;
}

void ApiWorker::post(state::Reply reply) {
  std::lock_guard lock(m_mutex);
  m_replies.push_back(std::move(reply));
}

std::shared_ptr<ApiClient> ApiWorker::client() const {
  std::lock_guard lock(m_mutex);
  return m_client;
}

void ApiWorker::run(std::stop_token stop) {
  while (!stop.stop_requested()) {
    state::Command command;
    {
      std::unique_lock lock(m_mutex);
      if (!m_wake.wait(lock, stop, [this] { return !m_queue.empty(); })) return;
      command = std::move(m_queue.front());
      m_queue.pop_front();
      ++m_running;
    }
    try {
      execute(command, stop);
    } catch (const std::exception& e) {
      if (!stop.stop_requested()) post(failure(state::command_name(command), e));
    } catch (...) {
      post(state::FailureReply{state::command_name(command), "internal", "unknown error", 0});
    }
    std::lock_guard lock(m_mutex);
    --m_running;
  }
}

void ApiWorker::execute(state::Command& command, const std::stop_token& stop) {
  if (auto* connect = std::get_if<state::ConnectCommand>(&command)) {
    auto fresh =
        std::make_shared<ApiClient>(connect->settings.server_url, connect->settings.api_key);
    {
      std::lock_guard lock(m_mutex);
      m_client = fresh;
      m_settings = connect->settings;
    }
    fresh->check_ready();
    bool editor = true;
    std::vector<state::CitySummary> cities = fresh->list_cities("", editor);
    // The list looks alike to both roles; the editors-only routes tell them apart.
    editor = editor && fresh->key_can_edit();
    post(state::ConnectedReply{
        fresh->base_url(), std::move(cities), editor, embedded_places(*fresh)});
    return;
  }
  const std::shared_ptr<ApiClient> current = client();
  if (!current) throw ApiError("not_connected", "connect to a server first", 0);
  std::visit(CommandRunner{*this, *current, stop}, command);
}

void ApiWorker::start_watcher(const std::string& job_id) {
  std::lock_guard lock(m_mutex);
  // A console left open for a day follows many jobs: join the threads that have ended.
  std::erase_if(m_watchers, [](const Watcher& watcher) { return watcher.done->load(); });
  if (m_thread.get_stop_token().stop_requested()) return;  // shutting down
  auto done = std::make_shared<std::atomic<bool>>(false);
  m_watchers.push_back({done, std::jthread([this, job_id, done](std::stop_token stop) {
                          follow(job_id, stop);
                          *done = true;
                        })});
}

void ApiWorker::follow(const std::string& job_id, const std::stop_token& stop) {
  std::shared_ptr<ApiClient> client;
  struct Forget {  // the client leaves the stop() list with its thread
    ApiWorker& worker;
    std::shared_ptr<ApiClient>& client;
    ~Forget() {
      std::lock_guard lock(worker.m_mutex);
      std::erase(worker.m_watch_clients, client);
    }
  } forget{*this, client};
  try {
    {
      std::lock_guard lock(m_mutex);
      client = std::make_shared<ApiClient>(m_settings.server_url, m_settings.api_key);
      m_watch_clients.push_back(client);
    }
    // The destructor stops the clients it sees; one made after that must not start a request.
    if (stop.stop_requested()) return;
    const bool ended = client->follow_job(
        job_id,
        [this](core::model::Job job, bool end) {
          post(state::JobUpdateReply{std::move(job), end});
        },
        [&stop] { return !stop.stop_requested(); });
    if (!ended && !stop.stop_requested()) poll(*client, job_id, stop);
  } catch (const ApiError& e) {
    // No event stream (an older server, a proxy that buffers): poll the job instead.
    if (client && !stop.stop_requested() && e.status() != 404) {
      try {
        poll(*client, job_id, stop);
      } catch (const std::exception& again) {
        post(failure("follow job", again));
      }
    } else if (!stop.stop_requested()) {
      post(failure("follow job", e));
    }
  } catch (const std::exception& e) {
    if (!stop.stop_requested()) post(failure("follow job", e));
  }
}

void ApiWorker::poll(ApiClient& client, const std::string& job_id, const std::stop_token& stop) {
  int failures = 0;
  while (!stop.stop_requested()) {
    try {
      core::model::Job job = client.get_job(job_id);
      const bool ended = core::model::finished(job.status);
      post(state::JobUpdateReply{std::move(job), ended});
      if (ended) return;
      failures = 0;
    } catch (const ApiError&) {
      if (++failures > kPollFailuresAllowed) throw;
    }
    std::this_thread::sleep_for(kPollInterval);
  }
}

}  // namespace console::net
