#include "tests/support/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace narrando::testing {

ServerProcess::ServerProcess(const std::string& binary, std::map<std::string, std::string> env) {
  env["LOG_FORMAT"] = "json";
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> env_text;
  for (const auto& [key, value] : env) env_text.push_back(key + "=" + value);
  m_pid = fork();
  if (m_pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    std::vector<char*> argv{const_cast<char*>(binary.c_str()),
                            const_cast<char*>("serve"),
                            const_cast<char*>("--port"),
                            const_cast<char*>("0"),
                            nullptr};
    std::vector<char*> envp;
    for (std::string& entry : env_text) envp.push_back(entry.data());
    envp.push_back(nullptr);
    execve(binary.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  m_reader = std::thread([this, fd = pipe_fds[0]] { read_output(fd); });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  bool exited = false;
  while (m_port == 0 && !exited && std::chrono::steady_clock::now() < deadline) {
    // A process that exits (bad configuration) will never listen: stop waiting at once.
    exited = waitpid(m_pid, nullptr, WNOHANG) == m_pid;
    {
      std::lock_guard lock(m_mutex);
      for (const std::string& line : m_lines) {
        const auto record = nlohmann::json::parse(line, nullptr, false);
        if (!record.is_discarded() && record.value("msg", "") == "narrando-server listening") {
          m_port = record.value("port", 0);
        }
      }
    }
    if (m_port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (m_port == 0) {
    // The destructor does not run for a constructor that throws: clean up here.
    if (!exited) {
      signal(SIGKILL);
      waitpid(m_pid, nullptr, 0);
    }
    m_reaped = true;
    m_reader.join();
    std::string output;
    for (const std::string& line : m_lines) output += line + "\n";
    throw std::runtime_error("narrando-server did not start listening:\n" + output);
  }
}

ServerProcess::~ServerProcess() {
  if (!m_reaped && m_pid > 0) {
    kill(m_pid, SIGKILL);
    waitpid(m_pid, nullptr, 0);
  }
  if (m_reader.joinable()) m_reader.join();
}

void ServerProcess::signal(int signal_number) const {
  kill(m_pid, signal_number);
}

int ServerProcess::wait(int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
      m_reaped = true;
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      return -100 - WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

std::vector<std::string> ServerProcess::lines() const {
  std::lock_guard lock(m_mutex);
  return m_lines;
}

void ServerProcess::read_output(int fd) {
  std::string pending;
  char buffer[4096];
  ssize_t count = 0;
  while ((count = read(fd, buffer, sizeof buffer)) > 0) {
    pending.append(buffer, static_cast<std::size_t>(count));
    std::size_t newline = 0;
    while ((newline = pending.find('\n')) != std::string::npos) {
      std::lock_guard lock(m_mutex);
      m_lines.push_back(pending.substr(0, newline));
      pending.erase(0, newline + 1);
    }
  }
  close(fd);
}

}  // namespace narrando::testing
