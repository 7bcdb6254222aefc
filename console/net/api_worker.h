#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "console/state/commands.h"
#include "console/state/replies.h"
#include "console/state/settings.h"

namespace console::net {

class ApiClient;

/// Runs the console's HTTP requests off the frame: commands go in with submit(), results come
/// back from drain() as replies. One thread executes commands in order; each generation job is
/// followed on its own thread (server-sent events, polling as a fallback). No exception leaves a
/// thread: every failure becomes a FailureReply. Thread-safe.
class ApiWorker {
 public:
  ApiWorker();
  /// Cancels requests in flight and joins every thread.
  ~ApiWorker();
  ApiWorker(const ApiWorker&) = delete;
  ApiWorker& operator=(const ApiWorker&) = delete;

  /// Queues a command (a newer city listing replaces a queued one).
  void submit(state::Command command);
  /// Replies that arrived since the last call, oldest first. Never blocks on the network.
  std::vector<state::Reply> drain();
  /// Commands queued or running (for the status bar's "working" mark).
  int pending() const;

 private:
  void run(std::stop_token stop);
  void execute(state::Command& command, const std::stop_token& stop);
  void follow(const std::string& job_id, const std::stop_token& stop);
  void poll(ApiClient& client, const std::string& job_id, const std::stop_token& stop);
  void post(state::Reply reply);
  std::shared_ptr<ApiClient> client() const;
  void start_watcher(const std::string& job_id);

  friend struct CommandRunner;

  mutable std::mutex m_mutex;
  std::condition_variable_any m_wake;
  std::deque<state::Command> m_queue;
  std::vector<state::Reply> m_replies;
  int m_running = 0;
  state::Settings m_settings;           ///< of the last connect, for the job threads
  std::shared_ptr<ApiClient> m_client;  ///< the command thread's client
  /// One thread per followed job; `done` lets the next start_watcher join the finished ones.
  struct Watcher {
    std::shared_ptr<std::atomic<bool>> done;
    std::jthread thread;
  };
  std::vector<std::shared_ptr<ApiClient>> m_watch_clients;  ///< of the running watchers, for stop()
  std::vector<Watcher> m_watchers;
  std::jthread m_thread;  ///< last: starts once the rest exists
};

}  // namespace console::net
