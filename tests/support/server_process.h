#pragma once

#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace narrando::testing {

/// A real `narrando-server serve` child process on a free loopback port, its JSON log captured.
class ServerProcess {
 public:
  /// Starts `binary serve --port 0` with exactly `env` (plus LOG_FORMAT=json) and waits until it
  /// logs the port it listens on. Throws std::runtime_error if it does not within 20 s.
  ServerProcess(const std::string& binary, std::map<std::string, std::string> env);
  /// Kills the process (SIGKILL) if it still runs.
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return m_port; }
  int pid() const { return m_pid; }
  /// Sends `signal_number` to the process.
  void signal(int signal_number) const;
  /// Waits up to `seconds` for the process to end; returns its exit status, or -1 on timeout
  /// (-100 - n when killed by signal n).
  int wait(int seconds);
  /// Everything it wrote so far, one log line per entry.
  std::vector<std::string> lines() const;

 private:
  void read_output(int fd);

  int m_pid = -1;
  int m_port = 0;
  bool m_reaped = false;
  mutable std::mutex m_mutex;
  std::vector<std::string> m_lines;
  std::thread m_reader;
};

}  // namespace narrando::testing
