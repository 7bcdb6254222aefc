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

void ensure_settings_folder(const std::filesystem::path& path) {
  const std::filesystem::path folder =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (std::filesystem::exists(folder)) return;  // an existing folder is the user's choice
  std::error_code error;
  if (folder.has_parent_path()) std::filesystem::create_directories(folder.parent_path(), error);
  if (error)
    throw core::Error("settings_io",
                      "cannot create " + folder.parent_path().string() + ": " + error.message());
  // mkdir(0700) rather than create_directories (0755 under the usual umask) narrowed afterwards:
  // the folder holds the key file and is never open to others, not even for a moment.
  if (::mkdir(folder.c_str(), S_IRWXU) != 0) {
    if (errno == EEXIST) return;  // made by someone else meanwhile
    fail("cannot create", folder);
  }
  // The umask may have narrowed the mode further; the owner needs all three bits.
  if (::chmod(folder.c_str(), S_IRWXU) != 0) fail("cannot set permissions of", folder);
}

void save_settings(const std::filesystem::path& path, const state::Settings& settings) {
  ensure_settings_folder(path);
  const std::filesystem::path temporary = path.string() + ".tmp";
  // O_CREAT with 0600 and an fchmod for a file left by an older version: the key is never readable
  // by others, not even for a moment.
  const int fd =
      ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, S_IRUSR | S_IWUSR);
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
