#include "console/net/settings_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "shared/errors.h"
#include "shared/json/json_reader.h"

namespace console::net {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
  throw core::Error("settings_io", what + " " + path.string() + ": " + std::strerror(errno));
}

}  // namespace

state::Settings load_settings(const std::filesystem::path& path, std::string& problem) {
  problem.clear();
  std::ifstream in(path);
  if (!in) {
    if (std::filesystem::exists(path)) problem = "cannot read " + path.string();
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return state::settings_from_json(core::json::parse_json(text.str()));
  } catch (const core::Error& e) {
    problem = path.string() + ": " + e.what() + " (using defaults)";
    return {};
  }
}

void save_settings(const std::filesystem::path& path, const state::Settings& settings) {
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::error_code error;
  if (!std::filesystem::exists(folder)) {
    std::filesystem::create_directories(folder, error);
    // Only a folder made here is narrowed to its owner; an existing one is the user's choice.
    if (!error) std::filesystem::permissions(folder, std::filesystem::perms::owner_all, error);
  }
  if (error) throw core::Error("settings_io", "cannot create " + folder.string() + ": " + error.message());
  const std::filesystem::path temporary = path.string() + ".tmp";
  // O_CREAT with 0600 and an fchmod for a file left by an older version: the key is never readable
  // by others, not even for a moment.
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, S_IRUSR | S_IWUSR);
  if (fd < 0) fail("cannot write", temporary);
  const std::string text = state::settings_to_json(settings).dump(2) + "\n";
  bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
  std::size_t written = 0;
  while (ok && written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    ok = n > 0;
    if (ok) written += static_cast<std::size_t>(n);
  }
  ok = ::fsync(fd) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temporary.c_str());
    errno = saved;
    fail("cannot write", path);
  }
}

}  // namespace console::net
